import { readFileSync } from 'node:fs';
import { jetstreamManager } from '@nats-io/jetstream';
import { connectNats } from '@fengqiao/messaging';
import { aDispute, DEMO_AGENCY as AGENCIES, eventually } from '@fengqiao/testing';
import { DEMO_PASSWORD, TestHub } from './support/test-hub';

/**
 * Crash safety: processes are killed with SIGKILL at exact points (failpoints) or the broker is
 * stopped, and every hand-off must still arrive exactly once.
 */
let hub: TestHub;

beforeAll(async () => {
  hub = await TestHub.start();
});

afterAll(async () => {
  await hub?.stop();
});

const inboxRows = (schema: string, referralId: string) =>
  hub.count(`SELECT 1 FROM ${schema}.referrals WHERE id = $1`, [referralId]);

async function registerCase(): Promise<string> {
  const r = await hub.http('POST', '/api/v1/cases', aDispute());
  expect(r.status).toBe(201);
  return r.body.id;
}

it('the agency killed after committing a referral but before acking it has it in its inbox exactly once after restart', async () => {
  await hub.hub.stop('people-mediation');
  hub.hub.start('people-mediation', { FQ_FAILPOINTS: 'consumer.after-commit:dispatch.referral.issued.v1' });
  const caseId = await registerCase();
  const referral = await hub.http('POST', `/api/v1/cases/${caseId}/referrals`, {
    agencyId: AGENCIES.huanglouCommittee,
  });
  expect(referral.status).toBe(201);

  expect(await hub.hub.waitExit('people-mediation')).toBe('SIGKILL');
  expect(await inboxRows('people_mediation', referral.body.id)).toBe(1); // committed before the crash

  hub.hub.start('people-mediation');
  await hub.hub.waitHealthy();
  // Never acked, so JetStream redelivers it; the inbox row says it was applied; it is acked without a second row.
  const nc = await connectNats('crash-test', [hub.nats.url]);
  try {
    const jsm = await jetstreamManager(nc);
    const consumer = await eventually(
      () => jsm.consumers.info('DISPATCH_EVENTS', 'people-mediation__referral-issued'),
      (c) => c.num_ack_pending === 0 && c.num_pending === 0,
    );
    expect([consumer.num_ack_pending, consumer.num_pending]).toEqual([0, 0]);
  } finally {
    await nc.close();
  }
  expect(await inboxRows('people_mediation', referral.body.id)).toBe(1);
  const accepted = await hub.as(
    'clerk.huanglou-committee',
    'POST',
    `/api/v1/referrals/${referral.body.id}/accept`,
  );
  expect(accepted.status).toBe(200);
});

it.each(['relay.before-publish', 'relay.after-publish'])(
  'dispatch killed at %s of a committed referral: after restart the agency receives it exactly once',
  async (point) => {
    const caseId = await registerCase();
    await hub.hub.stop('dispatch');
    hub.hub.start('dispatch', { FQ_FAILPOINTS: `${point}:dispatch.referral.issued.v1` });
    await hub.hub.waitHealthy();
    // The reply may or may not make it out before the kill: what counts is what was committed.
    const reply = await hub.http('POST', `/api/v1/cases/${caseId}/referrals`, {
      agencyId: AGENCIES.huanglouJudicial,
      role: 'co',
    });
    expect([201, 503]).toContain(reply.status);
    expect(await hub.hub.waitExit('dispatch')).toBe('SIGKILL');
    const committed = await hub.sql.query<{ id: string }>(
      'SELECT id FROM dispatch.referrals WHERE case_id = $1',
      [caseId],
    );
    expect(committed.rows).toHaveLength(1);
    const referralId = committed.rows[0].id;

    hub.hub.start('dispatch');
    await hub.hub.waitHealthy();
    const received = await eventually(
      () => inboxRows('judicial_mediation', referralId),
      (n) => n === 1,
    );
    expect(received).toBe(1);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await inboxRows('judicial_mediation', referralId)).toBe(1);
    expect(await hub.count(`SELECT 1 FROM dispatch.outbox WHERE published_at IS NULL`)).toBe(0);
  },
);

it('nats-server stopped for a few seconds mid-flow: every committed referral and every agency step arrives once it is back', async () => {
  let n = 0;
  const attempt = async (): Promise<number> => {
    const kase = await hub.http('POST', '/api/v1/cases', aDispute({ title: `停机测试 ${n++}` }));
    const status =
      kase.status === 201
        ? (
            await hub.http('POST', `/api/v1/cases/${kase.body.id}/referrals`, {
              agencyId: AGENCIES.lawyerStudio,
              overrideReason: '当事人要求律师调解',
            })
          ).status
        : kase.status;
    expect([201, 503]).toContain(status); // never a 500, never a hang
    return status;
  };
  for (let i = 0; i < 6; i++) expect(await attempt()).toBe(201);

  await hub.nats.halt('SIGKILL');
  const outageEnds = Date.now() + 3000;
  const duringOutage: number[] = [];
  while (Date.now() < outageEnds) {
    duringOutage.push(await attempt());
    await new Promise((r) => setTimeout(r, 200));
  }
  expect(duringOutage).toContain(503); // the outage was real
  await hub.nats.resume();

  // After the broker is back the hub recovers by itself: keep going until four more get through.
  let afterwards = 0;
  const deadline = Date.now() + 30000;
  while (afterwards < 4 && Date.now() < deadline) {
    if ((await attempt()) === 201) afterwards += 1;
    else await new Promise((r) => setTimeout(r, 250));
  }
  expect(afterwards).toBe(4);
  await hub.hub.waitHealthy();

  const committed = await hub.sql.query<{ id: string }>(
    `SELECT r.id FROM dispatch.referrals r JOIN dispatch.cases c ON c.id = r.case_id WHERE c.title LIKE '停机测试%'`,
  );
  expect(committed.rows.length).toBeGreaterThanOrEqual(10);
  const ids = committed.rows.map((r) => r.id);
  const delivered = await eventually(
    () => hub.count('SELECT 1 FROM lawyer_mediation.referrals WHERE id = ANY($1)', [ids]),
    (n) => n === ids.length,
    30000,
  );
  expect(delivered).toBe(ids.length);

  // The way back works too: an accept after the outage reaches dispatch's timeline.
  const accept = await hub.as('clerk.huanglou-lawyer', 'POST', `/api/v1/referrals/${ids[0]}/accept`);
  expect(accept.status).toBe(200);
  const caseId = (
    await hub.sql.query<{ case_id: string }>('SELECT case_id FROM dispatch.referrals WHERE id = $1', [ids[0]])
  ).rows[0].case_id;
  const kase = await eventually(
    () => hub.http('GET', `/api/v1/cases/${caseId}`),
    (r) => r.body.status === 'in_mediation',
  );
  expect(kase.body.status).toBe('in_mediation');
  expect(await hub.count('SELECT 1 FROM dispatch.outbox WHERE published_at IS NULL')).toBe(0);
});

it('after the broker was back, the gateway still learns of signed-out sessions (its watch reopened)', async () => {
  const session = await hub.anonymous('POST', '/api/v1/auth/login', {
    username: 'leader.qingzhou',
    password: DEMO_PASSWORD,
  });
  const bearer = { authorization: `Bearer ${session.body.accessToken}` };
  expect((await hub.anonymous('GET', '/api/v1/cases', undefined, bearer)).status).toBe(200);
  expect(
    (await hub.anonymous('POST', '/api/v1/auth/logout', { refreshToken: session.body.refreshToken })).status,
  ).toBe(200);
  const after = await eventually(
    () => hub.anonymous('GET', '/api/v1/cases', undefined, bearer),
    (r) => r.status === 401,
    15000,
  );
  expect(after.status).toBe(401);
});

it('a service that stops answering costs the caller a 503 within the RPC timeout, never a hang', async () => {
  const pid = hub.hub.pid('dispatch')!;
  process.kill(pid, 'SIGSTOP');
  try {
    const r = await hub.http('GET', '/api/v1/cases');
    expect(r.status).toBe(503);
    expect(r.body.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(r.ms).toBeLessThan(1500 + 1000);
    const health = await hub.anonymous('GET', '/health');
    expect(health.status).toBe(503);
    expect(health.body.services.dispatch.status).toBe('down');
  } finally {
    process.kill(pid, 'SIGCONT');
  }
  await hub.hub.waitHealthy();
});

it('stops gracefully on SIGTERM: drains consumers, relay and connections, then exits promptly', async () => {
  const started = Date.now();
  expect(await hub.hub.stop('police-mediation')).toBe('0');
  expect(Date.now() - started).toBeLessThan(5000);
  expect(readFileSync(hub.hub.logFile('police-mediation'), 'utf8')).toContain('messaging drained');
  hub.hub.start('police-mediation');
  await hub.hub.waitHealthy();
});
