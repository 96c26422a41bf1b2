'use strict';
// dispatch-flow: how many disputes per second the real hub carries from registration to an
// agency's inbox (gateway → dispatch → outbox → JetStream → agency service), its latencies, and
// beside it the ceiling of the same Postgres for outbox-style transactions. Figures only.
const { writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const { Pool } = require('pg');
const { parseArgs } = require('../lib/args');
const env = require('../lib/env');
const { startDemoHub } = require('../lib/demo-hub');
const { jsonClient } = require('../lib/http');
const { table, fmt } = require('../lib/table');
const flow = require('./flow');
const { outboxCeiling } = require('./ceiling');

const OPTIONS = {
  cases: { type: 'int', default: 2000, min: 1, help: 'disputes pushed and measured' },
  concurrency: { type: 'int', default: 32, min: 1, help: 'disputes in flight at once' },
  warmup: { type: 'int', default: 100, min: 0, help: 'disputes pushed first and not counted' },
  'ceiling-seconds': {
    type: 'number',
    default: 4,
    min: 0.5,
    help: 'seconds per client count for the outbox ceiling',
  },
  'stall-timeout': {
    type: 'number',
    default: 30,
    min: 1,
    help: 'give up waiting for the inboxes after this many seconds without a new row',
  },
  'keep-database': { type: 'bool', help: 'do not drop the scratch database at the end (to look at it)' },
  'private-nats': {
    type: 'bool',
    help: 'start a throwaway nats-server for this run instead of using NATS_URL',
  },
  'allow-shared-nats': {
    type: 'bool',
    help: 'run even if another hub answers on the same NATS (its services would take part of the load)',
  },
};
const USAGE =
  'usage: node bench/run.js dispatch-flow [options]   (or: npm run bench:dispatch-flow -- [options])';

const log = (msg) => process.stdout.write(`· ${msg}\n`);

async function main(argv) {
  const args = parseArgs(argv, OPTIONS, USAGE);
  if (!args) return 0;
  const baseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/fengqiao';
  let natsUrl = process.env.NATS_URL || 'nats://127.0.0.1:4222';
  const startedAt = new Date();
  const ts = env.stamp(startedAt);
  const runId = ts;

  // Loaded here so `--help` works without a build.
  const built = env.requireBuilt;
  const { DispatchSubjects, AGENCY_KINDS, AGENCY_SERVICE, agencySubjects } = built('@fengqiao/contracts');
  const { DEMO_AGENCIES } = built(join(env.REPO_ROOT, 'apps/dispatch/dist/seed/demo-city.js'));

  const logDir = join(env.RESULTS_DIR, `logs-${ts}`);
  env.mkdirp(logDir);
  const cleanup = new env.Cleanup();
  const shouldStop = () => cleanup.aborted;
  const checkpoint = () => {
    if (cleanup.aborted) throw new Error('interrupted');
  };

  const report = {
    bench: 'dispatch-flow',
    startedAt: startedAt.toISOString(),
    options: {
      cases: args.cases,
      concurrency: args.concurrency,
      warmup: args.warmup,
      ceilingSeconds: args.ceilingSeconds,
    },
    machine: env.machine(),
    logDir: relative(env.REPO_ROOT, logDir),
  };

  let hub = null;
  let pool = null;
  let samplerPool = null;
  let client = null;
  let stopHub = async () => undefined;

  try {
    if (args.privateNats) {
      const nats = await env.startPrivateNats(join(logDir, 'nats-server.log'));
      cleanup.add('stop the private nats-server', () => nats.stop());
      natsUrl = nats.url;
      report.privateNats = nats.url;
      log(`private nats-server on ${nats.url}`);
    }

    // 1. Nobody else's hub on this NATS: their services would share our queue groups and consumers.
    const healthSubjects = [DispatchSubjects.health, ...AGENCY_KINDS.map((k) => agencySubjects(k).health)];
    const probe = await env.otherHubsOnNats(natsUrl, healthSubjects).catch((e) => {
      throw new Error(`cannot reach NATS at ${natsUrl}: ${e.message}`);
    });
    report.machine.nats = probe.serverVersion;
    if (probe.answered.length) {
      const msg = `another hub is running on ${natsUrl} (answering ${probe.answered.join(', ')}); it would take part of the load`;
      if (!args.allowSharedNats)
        throw new Error(`${msg}. Stop it, point NATS_URL elsewhere, or pass --allow-shared-nats.`);
      log(`WARNING: ${msg}`);
      report.sharedNats = probe.answered;
    }

    // 2. Scratch database, demo city and users; 3. the hub, as real processes.
    const demo = await startDemoHub({
      baseUrl,
      natsUrl,
      logDir,
      cleanup,
      keepDatabase: args.keepDatabase,
      log,
    });
    hub = demo.hub;
    stopHub = demo.stop;
    report.database = demo.database;
    report.hubBootSeconds = demo.bootSeconds;
    pool = new Pool({ connectionString: demo.dbUrl, max: 2 });
    // Idle clients are cut when the scratch database is dropped: expected at teardown, not a crash.
    pool.on('error', () => undefined);
    cleanup.add('close the pool', () => pool.end());
    samplerPool = new Pool({ connectionString: demo.dbUrl, max: 1, application_name: 'bench-sampler' });
    samplerPool.on('error', () => undefined);
    cleanup.add('close the sampler pool', () => samplerPool.end());
    report.machine.postgres = await env.postgresInfo(pool);
    log(`hub healthy after ${fmt(report.hubBootSeconds, 1)} s`);

    // 4. The agency consumers are durable and shared by name on this NATS: drain what earlier
    //    hubs left before timing anything (those rows land in our inboxes but match no case of ours).
    const durables = AGENCY_KINDS.map((k) => `${AGENCY_SERVICE[k]}__referral-issued`);
    const backlog0 = await env.consumerBacklog(natsUrl, 'DISPATCH_EVENTS', durables);
    report.initialConsumerBacklog = backlog0;
    const total0 = Object.values(backlog0).reduce((a, b) => a + (b ?? 0), 0);
    if (total0 > 0) {
      log(`draining ${total0} referral event(s) left on the shared durable consumers by earlier hubs`);
      const deadline = Date.now() + 120000;
      for (;;) {
        const b = await env.consumerBacklog(natsUrl, 'DISPATCH_EVENTS', durables);
        if (Object.values(b).every((v) => !v)) break;
        checkpoint();
        if (Date.now() > deadline)
          throw new Error(`the consumers' backlog did not drain in 120 s: ${JSON.stringify(b)}`);
        await new Promise((r) => setTimeout(r, 500));
      }
    }

    client = jsonClient(hub.baseUrl, args.concurrency + 4);
    // The 黄楼 coordinator registers and refers, as a 综治中心 would (dev-only demo user).
    await client.signIn('coordinator.huanglou', 'Fengqiao-demo-2026');
    const pickAgency = flow.agencyPicker(DEMO_AGENCIES);

    // 5. Warm-up (JIT, pools, prepared paths), not counted.
    if (args.warmup > 0) {
      const prefix = flow.titlePrefix(runId, 'warmup');
      log(`warm-up: ${args.warmup} disputes`);
      const w = await flow.pushDisputes({
        client,
        n: args.warmup,
        concurrency: args.concurrency,
        prefix,
        pickAgency,
        shouldStop,
      });
      checkpoint();
      if (w.errors.length)
        log(`warm-up errors: ${w.errors.map((e) => `${e.count}× ${e.message}`).join('; ')}`);
      const wi = await flow.waitForInbox(pool, prefix, w.referred, {
        stallMs: args.stallTimeout * 1000,
        shouldStop,
      });
      checkpoint();
      if (!wi.complete)
        throw new Error(`warm-up: only ${wi.n} of ${w.referred} referrals reached the agency inboxes`);
    }

    // 6. The measured run.
    const prefix = flow.titlePrefix(runId, 'measure');
    log(`measuring: ${args.cases} disputes, ${args.concurrency} in flight`);
    const pids = Object.fromEntries(HUB_SERVICES.map((s) => [s, hub.pid(s)]));
    const cpuBefore = await cpuSnapshot(pids, pool, natsUrl);
    const stopSampler = flow.startWaitSampler(samplerPool);
    const push = await flow.pushDisputes({
      client,
      n: args.cases,
      concurrency: args.concurrency,
      prefix,
      pickAgency,
      onProgress: (done) => log(`  ${done}/${args.cases} disputes through HTTP`),
      shouldStop,
    });
    checkpoint();
    log(
      `HTTP done: ${push.referred} referred${push.errors.length ? `, ${args.cases - push.referred} failed` : ''}; waiting for the inboxes`,
    );
    const inbox = await flow.waitForInbox(pool, prefix, push.referred, {
      stallMs: args.stallTimeout * 1000,
      onProgress: (n) => log(`  ${n}/${push.referred} in the agency inboxes`),
      shouldStop,
    });
    checkpoint();
    const cpuAfter = await cpuSnapshot(pids, pool, natsUrl);
    report.postgresWaits = await stopSampler();
    const endToEndSeconds = inbox.last_ms ? (inbox.last_ms - push.firstRequestAt) / 1000 : null;
    const httpSeconds = (push.lastResponseAt - push.firstRequestAt) / 1000;
    report.flow = {
      attempted: args.cases,
      referred: push.referred,
      referredPerKind: push.referredPerKind,
      inInboxes: inbox.n,
      complete: inbox.complete,
      endToEndSeconds,
      casesPerSecond: endToEndSeconds ? inbox.n / endToEndSeconds : null,
      httpSeconds,
      httpCasesPerSecond: push.referred / httpSeconds,
      httpMs: { register: push.register, refer: push.refer },
      errors: push.errors,
    };
    report.sqlMs = await flow.sqlLatencies(pool, prefix);
    report.sanity = await flow.sanity(pool);
    report.cpu = cpuReport(cpuBefore, cpuAfter, endToEndSeconds ?? httpSeconds, inbox.n);
    client.close();
    client = null;

    // 7. The store's ceiling, with the hub stopped so it has the machine to itself.
    log('stopping the hub');
    await stopHub();
    log(`outbox ceiling: 1, 4 and 16 clients, ${args.ceilingSeconds} s each`);
    report.ceiling = await outboxCeiling(db.url, {
      seconds: args.ceilingSeconds,
      onLevel: (r) => log(`  ${r.clients} client(s): ${fmt(r.txPerSecond, 0)} tx/s`),
      shouldStop,
    });
    checkpoint();
    const best = Math.max(...report.ceiling.map((r) => r.txPerSecond));
    report.bestOutboxTxPerSecond = best;
    report.casesPerSecondOverBestTx = report.flow.casesPerSecond ? report.flow.casesPerSecond / best : null;
  } catch (e) {
    report.error = e.message;
  } finally {
    client?.close();
    await stopHub().catch(() => undefined);
    report.hubLogs = env.scanLogs(logDir);
    await cleanup.run();
  }

  const file = join(env.RESULTS_DIR, `dispatch-flow-${ts}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  process.stdout.write('\n' + render(report) + '\n');
  process.stdout.write(
    `\nfigures: ${relative(env.REPO_ROOT, file)}\nlogs:    ${relative(env.REPO_ROOT, logDir)}/\n`,
  );
  if (report.error) {
    process.stderr.write(`\ndispatch-flow did not finish: ${report.error}\n`);
    return 1;
  }
  return report.flow.complete ? 0 : 1;
}

/**
 * CPU seconds per pid, grouped: each hub service, the Postgres backends of the scratch database,
 * the other Postgres processes (WAL writer, checkpointer, other databases), the nats-server on
 * NATS_URL's port, this client, and the whole machine (/proc/stat) to show what else was running.
 */
async function cpuSnapshot(pids, pool, natsUrl) {
  const groups = {};
  for (const [service, pid] of Object.entries(pids))
    groups[service] = pid ? { [pid]: env.cpuSeconds(pid) } : {};
  const { rows } = await pool.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
  const ours = new Set(rows.map((r) => r.pid));
  groups['postgres: scratch db backends'] = {};
  groups['postgres: other processes'] = {};
  for (const pid of env.pidsByName('postgres')) {
    groups[ours.has(pid) ? 'postgres: scratch db backends' : 'postgres: other processes'][pid] =
      env.cpuSeconds(pid);
  }
  const natsPort = new URL(natsUrl.split(',')[0].replace(/^(?!nats:\/\/)/, 'nats://')).port || '4222';
  const onPort = (argv) => {
    const i = argv.findIndex((a) => a === '-p' || a === '--port');
    return i >= 0 ? argv[i + 1] === natsPort : natsPort === '4222';
  };
  groups['nats-server'] = Object.fromEntries(
    env.pidsByName('nats-server', onPort).map((pid) => [pid, env.cpuSeconds(pid)]),
  );
  const self = process.cpuUsage();
  groups['bench client'] = { [process.pid]: (self.user + self.system) / 1e6 };
  return { groups, machine: env.machineBusySeconds() };
}

function cpuReport(before, after, seconds, disputes) {
  const processes = {};
  let tracked = 0;
  for (const [group, pids] of Object.entries(after.groups)) {
    let used = 0;
    for (const [pid, s] of Object.entries(pids)) {
      if (s === null) continue;
      const was = before.groups[group]?.[pid] ?? (group === 'postgres: scratch db backends' ? 0 : s); // new backends count from 0
      used += s - was;
    }
    tracked += used;
    processes[group] = {
      cpuSeconds: +used.toFixed(2),
      coresBusy: +(used / seconds).toFixed(2),
      msPerDispute: disputes ? +((used * 1000) / disputes).toFixed(2) : null,
    };
  }
  if (after.machine !== null && before.machine !== null) {
    const rest = Math.max(0, after.machine - before.machine - tracked);
    processes['everything else on the machine'] = {
      cpuSeconds: +rest.toFixed(2),
      coresBusy: +(rest / seconds).toFixed(2),
      msPerDispute: null,
    };
  }
  return { windowSeconds: +seconds.toFixed(2), disputes, processes };
}

function render(r) {
  const out = [];
  const m = r.machine;
  const pg = m.postgres;
  out.push(`dispatch-flow  ${r.startedAt}`);
  out.push('');
  out.push('machine');
  for (const [k, v] of [
    ['cpus', `${m.cpus} × ${m.cpuModel}`],
    ['memory', `${m.memoryGiB} GiB`],
    ['os', m.os],
    ['node', m.node],
    [
      'postgres',
      pg
        ? `${pg.version} (synchronous_commit=${pg.synchronous_commit}, fsync=${pg.fsync}, shared_buffers=${pg.shared_buffers})`
        : '-',
    ],
    ['nats-server', `${m.nats ?? '-'}${r.privateNats ? ` (private, ${r.privateNats})` : ''}`],
  ])
    out.push(`  ${k.padEnd(12)} ${v}`);
  if (r.error && !r.flow) {
    out.push('', `NOT FINISHED: ${r.error}`);
    out.push(...renderLogs(r));
    return out.join('\n');
  }
  const f = r.flow;
  out.push('');
  out.push(
    `run: ${f.attempted} disputes, ${r.options.concurrency} in flight, ${r.options.warmup} warm-up disputes before (not counted); hub booted in ${fmt(r.hubBootSeconds, 1)} s`,
  );
  out.push(
    `     referred ${Object.entries(f.referredPerKind)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}; scratch database ${r.database}`,
  );
  const other = r.cpu?.processes?.['everything else on the machine'];
  if (other && other.coresBusy > 0.25) {
    out.push(
      `     WARNING: other processes kept ${fmt(other.coresBusy, 2)} cores busy during the measured run; the figures are low, repeat on a quiet machine`,
    );
  }
  if (!f.complete)
    out.push(
      `     INCOMPLETE: only ${f.inInboxes} of ${f.referred} referrals reached the agency inboxes before the wait gave up`,
    );
  if (f.errors.length)
    out.push(`     HTTP errors: ${f.errors.map((e) => `${e.count}× ${e.message}`).join('; ')}`);
  out.push('');
  out.push('throughput');
  out.push(
    table(
      ['figure', 'value'],
      [
        ['cases/s end-to-end (first request → last inbox row)', fmt(f.casesPerSecond, 1)],
        ['  over seconds', fmt(f.endToEndSeconds, 2)],
        ['cases/s through HTTP (first request → last referral answered)', fmt(f.httpCasesPerSecond, 1)],
        ...(r.ceiling
          ? [
              ['best outbox tx/s of the same Postgres (below)', fmt(r.bestOutboxTxPerSecond, 0)],
              ['cases/s ÷ best outbox tx/s', fmt(r.casesPerSecondOverBestTx, 3)],
            ]
          : []),
      ],
    ),
  );
  out.push('');
  out.push('latency (ms)');
  const s = r.sqlMs?.all;
  const lat = (x) => [fmt(x?.p50), fmt(x?.p99), fmt(x?.max)];
  out.push(
    table(
      ['measured', { title: 'where', align: 'left' }, 'n', 'p50', 'p99', 'max'],
      [
        ['HTTP register  POST /api/v1/cases', 'client', f.httpMs.register.n, ...lat(f.httpMs.register)],
        [
          'HTTP refer     POST /api/v1/cases/{id}/referrals',
          'client',
          f.httpMs.refer.n,
          ...lat(f.httpMs.refer),
        ],
        ['register → inbox  (received_at − registered_at)', 'SQL', s?.n, ...lat(s?.registerToInbox)],
        ['dispatch → agency (received_at − issued_at)', 'SQL', s?.n, ...lat(s?.hop)],
        ['  of which outbox wait (published_at − occurred_at)', 'SQL', s?.n, ...lat(s?.outboxWait)],
        ['  of which relay → inbox (received_at − published_at)', 'SQL', s?.n, ...lat(s?.relayToInbox)],
      ],
    ),
  );
  out.push('');
  out.push('per agency service (SQL, ms)');
  out.push(
    table(
      ['service', 'inbox rows', 'reg→inbox p50', 'p99', 'hop p50', 'p99', 'max'],
      flow.KINDS.map((k) => {
        const x = r.sqlMs?.[k];
        return [
          `${k} (${flow.INBOX_SCHEMAS[k]})`,
          x?.n ?? 0,
          fmt(x?.registerToInbox.p50),
          fmt(x?.registerToInbox.p99),
          fmt(x?.hop.p50),
          fmt(x?.hop.p99),
          fmt(x?.hop.max),
        ];
      }),
    ),
  );
  if (r.ceiling) {
    out.push('');
    out.push(
      'store ceiling: outbox-style transactions (BEGIN; INSERT business row; INSERT outbox row with jsonb; COMMIT), hub stopped',
    );
    out.push(
      table(
        ['clients', 'tx/s', 'tx p50 ms', 'tx p99 ms', 'transactions'],
        r.ceiling.map((c) => [
          c.clients,
          fmt(c.txPerSecond, 0),
          fmt(c.txMs.p50, 2),
          fmt(c.txMs.p99, 2),
          c.transactions,
        ]),
      ),
    );
  }
  if (r.cpu) {
    out.push('');
    out.push(`CPU during the measured run (${r.cpu.windowSeconds} s; ${m.cpus} cores available)`);
    const rows = Object.entries(r.cpu.processes).sort((a, b) => b[1].cpuSeconds - a[1].cpuSeconds);
    const total = rows.reduce((a, [, v]) => a + v.cpuSeconds, 0);
    const hub = rows
      .filter(([k]) => k !== 'everything else on the machine')
      .reduce((a, [, v]) => a + v.cpuSeconds, 0);
    const perDispute = (s) => (r.cpu.disputes ? fmt((s * 1000) / r.cpu.disputes, 2) : '-');
    out.push(
      table(
        ['process', 'cpu s', 'cores busy', 'cpu ms per dispute'],
        [
          ...rows.map(([k, v]) => [
            k,
            fmt(v.cpuSeconds, 2),
            fmt(v.coresBusy, 2),
            v.msPerDispute === null ? '' : fmt(v.msPerDispute, 2),
          ]),
          [
            'all of the above but "everything else"',
            fmt(hub, 2),
            fmt(hub / r.cpu.windowSeconds, 2),
            perDispute(hub),
          ],
          ['whole machine', fmt(total, 2), fmt(total / r.cpu.windowSeconds, 2), ''],
        ],
      ),
    );
  }
  if (r.postgresWaits?.samples) {
    const w = r.postgresWaits;
    out.push('');
    out.push(
      `Postgres backends of the hub during the measured run, by state (pg_stat_activity every ${w.intervalMs} ms, ${w.samples} samples)`,
    );
    out.push(
      table(
        ['application', { title: 'state', align: 'left' }, 'avg backends'],
        w.rows.filter((x) => x.avgBackends >= 0.05).map((x) => [x.app, x.what, fmt(x.avgBackends, 2)]),
      ),
    );
  }
  if (r.sanity) {
    const z = r.sanity;
    out.push('');
    out.push(
      `after the run: ${z.dispatch_outbox_unpublished} unpublished dispatch outbox row(s), ${z.referrals_in_two_inboxes} referral(s) in two inboxes, ` +
        `${z.foreign_inbox_rows} inbox row(s) from earlier hubs' events (backlog on the shared consumers)`,
    );
  }
  if (r.error) out.push('', `NOT FINISHED: ${r.error}`);
  out.push(...renderLogs(r));
  return out.join('\n');
}

function renderLogs(r) {
  const files = Object.entries(r.hubLogs ?? {});
  if (files.length === 0) return ['', `hub logs: no warnings or errors (${r.logDir}/)`];
  const out = ['', `hub logs: warnings and errors (${r.logDir}/)`];
  for (const [file, v] of files) {
    out.push(
      `  ${file}: ${v.fatal} fatal, ${v.error} error, ${v.warn} warn, ${v.other} other non-JSON line(s)`,
    );
    for (const d of v.distinct.slice(0, 5)) out.push(`    ${String(d.n).padStart(5)}× ${d.message}`);
  }
  return out;
}

module.exports = { main };
