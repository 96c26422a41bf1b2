import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { SlaClockBreachedV1, SlaClockWarnedV1, SupervisionOpenedV1 } from '@fengqiao/contracts';
import { connectNats } from '@fengqiao/messaging';
import { aDispute, DEMO_AGENCY as AGENCIES, eventually } from '@fengqiao/testing';
import { TestHub } from './support/test-hub';

/**
 * The SLA timer engine under a crash: a dispatch replica is killed with SIGKILL in the middle of
 * firing a batch (everything written, nothing committed) while a second replica sweeps the same
 * table. Its batch rolls back and is claimed again, so every one of the clocks warns twice and
 * breaches once, on the outbox, on JetStream and in dispatch's own tables: late, never lost,
 * never doubled.
 */
const CLOCKS = 1500;
const BATCH = '200'; // several batches per replica, so the crash lands mid-work
const BREACHED = SlaClockBreachedV1.subject;
const WARNED = SlaClockWarnedV1.subject;
const OPENED = SupervisionOpenedV1.subject;

let hub: TestHub;
/** Replica B: a second dispatch process (HubProcesses runs one process per service). */
let replicaB: { child: ChildProcess; exited: Promise<string>; log: string } | undefined;

beforeAll(async () => {
  hub = await TestHub.start();
});

afterAll(async () => {
  if (replicaB && replicaB.child.exitCode === null && replicaB.child.signalCode === null) {
    replicaB.child.kill('SIGTERM');
    const timer = setTimeout(() => replicaB?.child.kill('SIGKILL'), 20000);
    await replicaB.exited;
    clearTimeout(timer);
  }
  await hub?.stop();
});

/** The size of a log file now, so a wait can look only at what is written after it. */
const logSize = (file: string) => (existsSync(file) ? statSync(file).size : 0);

/** Waits until `text` shows `times` times in a log after `from` bytes (a replica logs 'dispatch ready' once it sweeps). */
async function waitForLog(
  file: string,
  from: number,
  text: string,
  times = 1,
  timeoutMs = 30000,
): Promise<void> {
  const seen = await eventually(
    async () =>
      existsSync(file) ? readFileSync(file).subarray(from).toString('utf8').split(text).length - 1 : 0,
    (n) => n >= times,
    timeoutMs,
  );
  if (seen < times) throw new Error(`'${text}' showed ${seen} times in ${file}, not ${times}`);
}

/** Starts a second dispatch process on the hub's database and broker, as `npm start` would. */
function startReplicaB(env: Record<string, string>) {
  const log = join(hub.hub.logDir, 'dispatch-b.log');
  const out = createWriteStream(log, { flags: 'a' });
  const child = spawn(process.execPath, [resolve(__dirname, '../../../apps/dispatch/dist/main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: hub.db.url,
      NATS_URL: hub.nats.url,
      LOG_LEVEL: 'info',
      RPC_TIMEOUT_MS: '1500',
      HEALTH_TIMEOUT_MS: '1000',
      JETSTREAM_ACK_WAIT_MS: '4000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(out, { end: false });
  child.stderr?.pipe(out, { end: false });
  const exited = new Promise<string>((r) =>
    child.once('exit', () => {
      out.end();
      r(child.signalCode ?? String(child.exitCode));
    }),
  );
  replicaB = { child, exited, log };
  return replicaB;
}

/** Inserts running wall-clock clocks whose 50/80/100 % were all reached a few seconds ago. */
async function insertDueClocks(caseIds: string[], agencyIds: string[]): Promise<string[]> {
  const r = await hub.sql.query<{ id: string }>(
    `INSERT INTO dispatch.sla_clocks
       (id, kind, subject_id, case_id, agency_id, urgency, policy_version, target_amount, target_unit,
        target_ms, extended_ms, used_ms, paused_ms, working_hours, state, started_at, running_since,
        due_at, thresholds, breach_actions, fired_percent, next_fire_at)
     SELECT gen_random_uuid(), 'resolve', gen_random_uuid(),
            ($2::uuid[])[1 + i % cardinality($2::uuid[])], ($3::uuid[])[1 + i % cardinality($3::uuid[])],
            'normal', NULL, 10, 'minutes', 600000, 0, 0, 0, NULL, 'running', t.started, t.started,
            t.started + interval '10 minutes', '{50,80,100}', '{remind,supervise}', 0,
            t.started + interval '5 minutes'
       FROM generate_series(0, $1::int - 1) AS i,
            LATERAL (SELECT now() - interval '10 minutes 3 seconds' - i * interval '1 millisecond' AS started) t
     RETURNING id`,
    [CLOCKS, caseIds, agencyIds],
  );
  return r.rows.map((row) => row.id);
}

/** Reads a subject of DISPATCH_EVENTS from the start of the stream; counts the messages per clockId. */
async function perClockOnStream(subject: string): Promise<Map<string, number>> {
  const nc = await connectNats('sla-crash-test', [hub.nats.url]);
  try {
    const stored =
      (
        await jetstreamManager(nc).then((jsm) =>
          jsm.streams.info('DISPATCH_EVENTS', { subjects_filter: subject }),
        )
      ).state.subjects?.[subject] ?? 0;
    const counts = new Map<string, number>();
    if (stored === 0) return counts;
    const consumer = await jetstream(nc).consumers.get('DISPATCH_EVENTS', { filter_subjects: subject });
    const messages = await consumer.consume({ max_messages: 1000 });
    let read = 0;
    for await (const m of messages) {
      const { clockId } = m.json<{ clockId: string }>();
      counts.set(clockId, (counts.get(clockId) ?? 0) + 1);
      read += 1;
      if (m.info.pending === 0) break;
    }
    expect(read).toBe(stored);
    return counts;
  } finally {
    await nc.close();
  }
}

it(`kill -9 of a dispatch replica while it fires a batch: each of ${CLOCKS} timers fires exactly once`, async () => {
  // Real cases (registered through the gateway) and real agencies of the demo city to hang the clocks on.
  const caseIds: string[] = [];
  for (let n = 0; n < 5; n++) {
    const r = await hub.http('POST', '/api/v1/cases', aDispute({ title: `时限崩溃测试 ${n}` }));
    expect(r.status).toBe(201);
    caseIds.push(r.body.id);
  }
  const agencyIds = [
    AGENCIES.huanglouPolice,
    AGENCIES.huanglouJudicial,
    AGENCIES.huanglouCommittee,
    AGENCIES.lawyerStudio,
    AGENCIES.luliCommittee,
  ];

  // Replace the hub's dispatch with two replicas: A dies at its first commit of a sweep, B does not.
  expect(await hub.hub.stop('dispatch')).toBe('0');
  const aLog = hub.hub.logFile('dispatch');
  const aFrom = logSize(aLog);
  // A polls every 20 ms, so it claims a batch of its own within moments of the clocks falling due.
  hub.hub.start('dispatch', {
    FQ_FAILPOINTS: 'sla.before-commit',
    SLA_TIMER_BATCH: BATCH,
    SLA_TIMER_POLL_MS: '20',
  });
  const b = startReplicaB({ SLA_TIMER_BATCH: BATCH });
  await Promise.all([waitForLog(aLog, aFrom, 'dispatch ready'), waitForLog(b.log, 0, 'dispatch ready')]);

  // Both replicas sweep; 1,500 clocks fall due at once (one commit), each with yellow, orange and red behind it.
  const clockIds = await insertDueClocks(caseIds, agencyIds);
  expect(clockIds).toHaveLength(CLOCKS);

  expect(await hub.hub.waitExit('dispatch', 15000)).toBe('SIGKILL');
  // A restarted replica (no failpoint) joins B cleanly.
  hub.hub.start('dispatch', { SLA_TIMER_BATCH: BATCH });
  await waitForLog(aLog, aFrom, 'dispatch ready', 2);
  await hub.hub.waitHealthy();

  const notDone = () =>
    hub.count('SELECT 1 FROM dispatch.sla_clocks WHERE next_fire_at IS NOT NULL AND id = ANY($1)', [
      clockIds,
    ]);
  const unpublished = () => hub.count('SELECT 1 FROM dispatch.outbox WHERE published_at IS NULL');
  expect(await eventually(notDone, (n) => n === 0, 60000)).toBe(0);
  expect(await eventually(unpublished, (n) => n === 0, 30000)).toBe(0);
  expect(b.child.exitCode ?? b.child.signalCode).toBeNull(); // B never stopped
  // No sweep failed on either survivor (a double claim would show here as a unique violation).
  const survivorsLogs = readFileSync(b.log, 'utf8') + readFileSync(aLog).subarray(aFrom).toString('utf8');
  expect(survivorsLogs).not.toMatch(/SLA sweep failed/);

  // (a) The outbox: per clock, exactly one yellow, one orange, one breach and one supervision opened.
  const events = await hub.sql.query<{
    id: string;
    yellow: number;
    orange: number;
    red: number;
    opened: number;
  }>(
    `SELECT c.id,
            count(*) FILTER (WHERE o.subject = $2 AND o.payload->>'level' = 'yellow')::int AS yellow,
            count(*) FILTER (WHERE o.subject = $2 AND o.payload->>'level' = 'orange')::int AS orange,
            count(*) FILTER (WHERE o.subject = $3)::int AS red,
            count(*) FILTER (WHERE o.subject = $4)::int AS opened
       FROM dispatch.sla_clocks c LEFT JOIN dispatch.outbox o ON o.payload->>'clockId' = c.id::text
      WHERE c.id = ANY($1)
      GROUP BY c.id`,
    [clockIds, WARNED, BREACHED, OPENED],
  );
  expect(events.rows).toHaveLength(CLOCKS);
  expect(
    events.rows.filter((r) => r.yellow !== 1 || r.orange !== 1 || r.red !== 1 || r.opened !== 1),
  ).toEqual([]);
  expect(
    await hub.count(`SELECT 1 FROM dispatch.outbox WHERE subject = ANY($1)`, [[WARNED, BREACHED, OPENED]]),
  ).toBe(4 * CLOCKS); // nothing about any other clock either

  // (b) JetStream: the whole stream, read from its start, holds each clock's breach once and its two warnings.
  const breachedOnStream = await perClockOnStream(BREACHED);
  const warnedOnStream = await perClockOnStream(WARNED);
  const openedOnStream = await perClockOnStream(OPENED);
  for (const [name, counts, times] of [
    ['breached', breachedOnStream, 1],
    ['warned', warnedOnStream, 2],
    ['supervision opened', openedOnStream, 1],
  ] as const) {
    const wrong = clockIds.filter((id) => counts.get(id) !== times).map((id) => [id, counts.get(id) ?? 0]);
    expect({ name, wrong, strangers: counts.size - CLOCKS }).toEqual({ name, wrong: [], strangers: 0 });
  }

  // (c) Dispatch's own record: every clock at 100 %, one supervision each, the one its breach names.
  expect(
    await hub.count('SELECT 1 FROM dispatch.sla_clocks WHERE id = ANY($1) AND fired_percent <> 100', [
      clockIds,
    ]),
  ).toBe(0);
  const supervisions = await hub.sql.query<{ id: string; n: number; named: number }>(
    `SELECT c.id, count(DISTINCT s.id)::int AS n,
            count(DISTINCT o.seq) FILTER (WHERE o.payload->>'supervisionId' = s.id::text)::int AS named
       FROM dispatch.sla_clocks c
       LEFT JOIN dispatch.supervisions s ON s.clock_id = c.id
       LEFT JOIN dispatch.outbox o ON o.subject = $2 AND o.payload->>'clockId' = c.id::text
      WHERE c.id = ANY($1)
      GROUP BY c.id`,
    [clockIds, BREACHED],
  );
  expect(supervisions.rows.filter((r) => r.n !== 1 || r.named !== 1)).toEqual([]);
  const steps = await hub.sql.query<{ step: string; n: number }>(
    `SELECT step, count(*)::int AS n FROM dispatch.sla_clock_steps WHERE clock_id = ANY($1) GROUP BY step ORDER BY step`,
    [clockIds],
  );
  expect(steps.rows).toEqual([
    { step: 'breached', n: CLOCKS },
    { step: 'warned', n: 2 * CLOCKS },
  ]);
});
