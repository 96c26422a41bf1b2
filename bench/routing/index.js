'use strict';
// routing: the benchmark of issue #4. A generated city of 5,000 agencies and 1,000,000 open cases
// (written in SQL into a scratch database), the real dispatch service started on it, and the p50/p99
// of a routing proposal (派单建议) and of a case registration (登记) over signed NATS requests, with
// EXPLAIN ANALYZE of a proposal's two heaviest statements. Figures only.
const { existsSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const { Client, Pool } = require('pg');
const { parseArgs } = require('../lib/args');
const env = require('../lib/env');
const { summarize, percentile } = require('../lib/stats');
const { table, fmt } = require('../lib/table');
const { cpuSnapshot, cpuReport, renderCpu } = require('../lib/cpu');
const { renderMachine, renderLogs } = require('../lib/report');
const { connectRpc, waitHealthy } = require('../lib/rpc');
const { generateCity, describeCity, plan } = require('./city');
const { ACTOR, timed, registrationBody } = require('./load');
const { explainProposal } = require('./explain');

const OPTIONS = {
  agencies: { type: 'int', default: 5000, min: 1, help: 'agencies in the generated city' },
  cases: { type: 'int', default: 1000000, min: 1, help: 'open cases, each with one open lead referral' },
  'closed-referrals': {
    type: 'int',
    min: 0,
    help: 'earlier, closed referrals of those cases in the last 90 days (default a fifth of --cases)',
  },
  districts: { type: 'int', default: 20, min: 1, help: 'districts of the city' },
  streets: { type: 'int', default: 20, min: 1, help: 'streets (街道/镇) per district' },
  villages: { type: 'int', default: 20, min: 1, help: 'villages/communities per street' },
  samples: { type: 'int', default: 2000, min: 1, help: 'measured proposals, and measured registrations' },
  concurrency: { type: 'int', default: 8, min: 1, help: 'requests in flight at once' },
  warmup: {
    type: 'int',
    default: 100,
    min: 0,
    help: 'proposals and registrations sent first and not counted',
  },
  'extra-sql': {
    type: 'string',
    help: 'SQL run on the database after generation, before dispatch starts (to try an index)',
  },
  database: {
    type: 'string',
    help: 'measure an existing generated database (kept by --keep-database) instead of generating one; never dropped',
  },
  'keep-database': {
    type: 'bool',
    help: 'do not drop the scratch database at the end (to look at it or reuse it)',
  },
  'private-nats': {
    type: 'bool',
    help: 'start a throwaway nats-server for this run instead of using NATS_URL',
  },
  'allow-shared-nats': {
    type: 'bool',
    help: "run even if another hub's dispatch answers on the same NATS (it would take part of the requests)",
  },
};
const USAGE = 'usage: node bench/run.js routing [options]   (or: npm run bench:routing -- [options])';
const RPC_TIMEOUT_MS = 30000;

const log = (msg) => process.stdout.write(`· ${msg}\n`);

async function main(argv) {
  const args = parseArgs(argv, OPTIONS, USAGE);
  if (!args) return 0;
  if (args.closedReferrals === undefined) args.closedReferrals = Math.round(args.cases / 5);
  if (!args.database) plan(args); // the shape is checked before anything starts
  const baseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/fengqiao';
  let natsUrl = process.env.NATS_URL || 'nats://127.0.0.1:4222';
  const startedAt = new Date();
  const ts = env.stamp(startedAt);

  // Loaded here so `--help` works without a build.
  const built = env.requireBuilt;
  const { createScratchDatabase } = built('@fengqiao/database');
  const { HubProcesses } = built('@fengqiao/hub-process');
  const { DispatchSubjects } = built('@fengqiao/contracts');
  const { actorSigningKey } = built('@fengqiao/access-token');
  built('@fengqiao/messaging');
  for (const f of ['main.js', 'db.cli.js']) {
    if (!existsSync(join(env.REPO_ROOT, 'apps/dispatch/dist', f)))
      throw new Error(
        `apps/dispatch/dist/${f} is missing; build the hub first: npx turbo run build --output-logs=errors-only`,
      );
  }

  const logDir = join(env.RESULTS_DIR, `logs-${ts}`);
  env.mkdirp(logDir);
  const cleanup = new env.Cleanup();
  const shouldStop = () => cleanup.aborted;
  const checkpoint = () => {
    if (cleanup.aborted) throw new Error('interrupted');
  };
  const acceptTargetHours = Number(process.env.ACCEPT_TARGET_HOURS || 2);
  // The dispatch process runs with NODE_ENV=development: the development signing key unless one is set.
  const signingKey = actorSigningKey({
    ACTOR_SIGNING_KEY: process.env.ACTOR_SIGNING_KEY,
    NODE_ENV: 'development',
  });

  const report = {
    bench: 'routing',
    startedAt: startedAt.toISOString(),
    options: {
      agencies: args.agencies,
      cases: args.cases,
      closedReferrals: args.closedReferrals,
      districts: args.districts,
      streets: args.streets,
      villages: args.villages,
      samples: args.samples,
      concurrency: args.concurrency,
      warmup: args.warmup,
      extraSql: args.extraSql ?? null,
      reusedDatabase: args.database ?? null,
      acceptTargetHours,
    },
    machine: env.machine(),
    logDir: relative(env.REPO_ROOT, logDir),
  };

  let hub = null;
  let pool = null;
  let natsPid = null;
  let rpc = null;
  const closeRpc = async () => {
    const r = rpc;
    rpc = null;
    await r?.close().catch(() => undefined);
  };
  const stopHub = async () => {
    if (!hub) return;
    const h = hub;
    hub = null;
    await h.stopAll();
  };

  try {
    if (args.privateNats) {
      const nats = await env.startPrivateNats(join(logDir, 'nats-server.log'));
      cleanup.add('stop the private nats-server', () => nats.stop());
      natsUrl = nats.url;
      natsPid = nats.pid;
      report.privateNats = nats.url;
      log(`private nats-server on ${nats.url}`);
    }
    // Another hub's dispatch on this NATS would share the queue group and answer from its database.
    const probe = await env.otherHubsOnNats(natsUrl, [DispatchSubjects.health]).catch((e) => {
      throw new Error(`cannot reach NATS at ${natsUrl}: ${e.message}`);
    });
    report.machine.nats = probe.serverVersion;
    if (probe.answered.length) {
      const msg = `another hub's dispatch answers on ${natsUrl}; it would take part of the requests`;
      if (!args.allowSharedNats)
        throw new Error(`${msg}. Stop it, pass --private-nats, or pass --allow-shared-nats.`);
      log(`WARNING: ${msg}`);
      report.sharedNats = probe.answered;
    }

    // 1. The database: a scratch one, migrated and generated, or a kept one reused as it is.
    let dbUrl;
    if (args.database) {
      const u = new URL(baseUrl);
      u.pathname = `/${args.database}`;
      dbUrl = u.toString();
      report.database = args.database;
      log(`reusing database ${args.database} (not generated, not dropped)`);
    } else {
      const db = await createScratchDatabase(baseUrl, 'fq_bench').catch((e) => {
        throw new Error(`cannot create a scratch database next to ${baseUrl}: ${e.message}`);
      });
      dbUrl = db.url;
      report.database = new URL(db.url).pathname.slice(1);
      cleanup.add('drop the scratch database', async () => {
        if (args.keepDatabase)
          return log(
            `kept the scratch database ${report.database} (reuse it with --database ${report.database})`,
          );
        await db.drop();
      });
      log(`scratch database ${report.database}`);
    }
    pool = new Pool({ connectionString: dbUrl, max: 2, application_name: 'bench-routing' });
    // Idle clients are cut when the scratch database is dropped: expected at teardown, not a crash.
    pool.on('error', () => undefined);
    cleanup.add('close the pool', () => pool.end());
    report.machine.postgres = await env.postgresInfo(pool);
    const { rows: av } = await pool.query("SELECT current_setting('autovacuum') AS autovacuum");
    report.machine.postgres.autovacuum = av[0].autovacuum;

    if (!args.database) {
      let child = null;
      cleanup.add('stop the migration', async () => child?.exitCode === null && child.kill('SIGKILL'));
      const out = await env.runNode(
        'apps/dispatch/dist/db.cli.js',
        ['migrate'],
        { DATABASE_URL: dbUrl, LOG_LEVEL: 'warn' },
        join(logDir, 'migrate.out'),
        (c) => (child = c),
      );
      log(`dispatch migrations: ${out.split('\n').pop().slice(0, 100)}…`);
      checkpoint();
      log(
        `generating the city: ${args.agencies} agencies, ${args.cases} open cases, ${args.closedReferrals} closed referrals`,
      );
      const client = new Client({ connectionString: dbUrl, application_name: 'bench-routing-generate' });
      client.on('error', () => undefined);
      await client.connect();
      // Ctrl-C during a long INSERT: end the statement by ending the session.
      cleanup.add('stop the generation', () => client.end().catch(() => undefined));
      report.generation = await generateCity(client, args, log);
      await client.end();
      log(`city generated in ${fmt(report.generation.seconds, 1)} s`);
      checkpoint();
    } else {
      const { rows } = await pool.query("SELECT to_regclass('dispatch.cases') IS NOT NULL AS ok");
      if (!rows[0].ok) throw new Error(`${args.database} has no dispatch.cases: not a generated database`);
    }
    if (args.extraSql) {
      log(`extra SQL: ${args.extraSql}`);
      const t0 = performance.now();
      await pool.query(args.extraSql);
      report.extraSqlSeconds = +((performance.now() - t0) / 1000).toFixed(2);
    }
    const city = await describeCity(pool);
    report.city = { sizes: city.sizes, byKind: city.byKind };
    if (city.villages.length === 0) throw new Error('the database has no generated villages (3799…)');

    // 2. The real dispatch service, as an OS process, on this database and NATS.
    hub = new HubProcesses({
      repoRoot: env.REPO_ROOT,
      env: {
        DATABASE_URL: dbUrl,
        NATS_URL: natsUrl,
        NODE_ENV: 'development',
        LOG_LEVEL: 'warn',
        FQ_FAILPOINTS: '',
      },
      logDir,
      port: await env.freePort(),
      services: ['dispatch'],
    });
    cleanup.add('stop dispatch', stopHub);
    const bootStart = Date.now();
    hub.start('dispatch');
    const pid = hub.pid('dispatch');
    rpc = await connectRpc(natsUrl, RPC_TIMEOUT_MS, signingKey, { actor: ACTOR, name: 'bench-routing' });
    cleanup.add('close the NATS client', closeRpc);
    await waitHealthy(rpc, DispatchSubjects.health, {
      timeoutMs: 120000,
      alive: () => hub?.pid('dispatch') !== undefined,
      shouldStop,
    });
    report.dispatchBootSeconds = (Date.now() - bootStart) / 1000;
    log(`dispatch healthy after ${fmt(report.dispatchBootSeconds, 1)} s (logs in ${report.logDir})`);

    // 3. Routing proposals for random existing cases.
    const need = args.warmup + args.samples;
    const { rows: est } = await pool.query(
      "SELECT greatest(1, reltuples)::float8 AS n FROM pg_class WHERE oid = 'dispatch.cases'::regclass",
    );
    // A Bernoulli sample of about three times what is needed, shuffled; the whole table if short.
    const pct = Math.min(100, (100 * need * 3) / est[0].n);
    const sampleSql = (from) =>
      `SELECT c.id, c.jurisdiction_code, c.dispute_type, j.level
         FROM ${from} JOIN dispatch.jurisdictions j ON j.code = c.jurisdiction_code
        ORDER BY random() LIMIT $1`;
    let { rows: cases } = await pool.query(sampleSql(`dispatch.cases c TABLESAMPLE BERNOULLI (${pct})`), [
      need,
    ]);
    if (cases.length < need) cases = (await pool.query(sampleSql('dispatch.cases c'), [need])).rows;
    if (cases.length === 0) throw new Error('no cases to propose for');
    // Fewer cases than requests (a small --cases): go round them again.
    for (let i = 0; cases.length < need; i++) cases.push(cases[i]);
    const propose = (c) => rpc.request(DispatchSubjects.routingPropose, { caseId: c.id });
    if (args.warmup) {
      log(`warm-up: ${args.warmup} proposals`);
      const w = await timed(Math.min(args.warmup, cases.length), args.concurrency, (i) => propose(cases[i]), {
        shouldStop,
      });
      if (w.errors.length)
        log(`warm-up errors: ${w.errors.map((e) => `${e.count}× ${e.message}`).join('; ')}`);
    }
    checkpoint();
    const measured = cases.slice(args.warmup);
    log(`measuring: ${measured.length} routing proposals, ${args.concurrency} in flight`);
    let cpu0 = await cpuSnapshot({ dispatch: pid }, natsPid, pool);
    const prop = await timed(measured.length, args.concurrency, (i) => propose(measured[i]), {
      shouldStop,
      onProgress: (n) => log(`  ${n}/${measured.length}`),
    });
    report.proposalCpu = cpuReport(
      cpu0,
      await cpuSnapshot({ dispatch: pid }, natsPid, pool),
      prop.seconds,
      prop.ms.length,
    );
    checkpoint();
    const answered = prop.results.map((r, i) => r && { ...r, kase: measured[i] }).filter(Boolean);
    const leads = answered.map((r) => r.reply.leads.length);
    const cos = answered.map((r) => r.reply.coHandlers.length);
    const all = answered.map((r) => r.reply.leads.length + r.reply.coHandlers.length);
    report.proposal = {
      subject: DispatchSubjects.routingPropose,
      ms: summarize(prop.ms),
      perSecond: prop.perSecond,
      errors: prop.errors,
      candidates: {
        all: describe(all),
        leads: describe(leads),
        coHandlers: describe(cos),
      },
      casesByLevel: countBy(answered, (r) => r.kase.level),
    };

    // 4. Registrations into random generated villages.
    const runId = ts;
    const register = (i) =>
      rpc.request(DispatchSubjects.caseRegister, registrationBody(i, runId, city.villages));
    if (args.warmup) {
      log(`warm-up: ${args.warmup} registrations`);
      const w = await timed(args.warmup, args.concurrency, (i) => register(-1 - i), { shouldStop });
      if (w.errors.length)
        log(`warm-up errors: ${w.errors.map((e) => `${e.count}× ${e.message}`).join('; ')}`);
    }
    checkpoint();
    log(`measuring: ${args.samples} case registrations, ${args.concurrency} in flight`);
    cpu0 = await cpuSnapshot({ dispatch: pid }, natsPid, pool);
    const reg = await timed(args.samples, args.concurrency, register, {
      shouldStop,
      onProgress: (n) => log(`  ${n}/${args.samples}`),
    });
    report.registrationCpu = cpuReport(
      cpu0,
      await cpuSnapshot({ dispatch: pid }, natsPid, pool),
      reg.seconds,
      reg.ms.length,
    );
    checkpoint();
    const regs = reg.results.filter(Boolean);
    report.registration = {
      subject: DispatchSubjects.caseRegister,
      ms: summarize(reg.ms),
      perSecond: reg.perSecond,
      errors: reg.errors,
      flaggedRepeat: regs.filter((r) => r.reply?.repeat).length,
    };

    // 5. Where a proposal's time goes: EXPLAIN ANALYZE of its two heaviest statements, for the
    //    sample at the median latency (typical) and for the slowest.
    const byMs = [...answered].sort((a, b) => a.ms - b.ms);
    const explainOne = async (label, r) => {
      const ids = [...r.reply.leads, ...r.reply.coHandlers].map((p) => p.agencyId);
      return {
        label,
        caseId: r.kase.id,
        jurisdiction: `${r.kase.jurisdiction_code} (${r.kase.level})`,
        disputeType: r.kase.dispute_type,
        candidates: ids.length,
        proposalMs: r.ms,
        ...(ids.length ? await explainProposal(pool, ids, acceptTargetHours) : {}),
      };
    };
    if (byMs.length) {
      log('EXPLAIN ANALYZE of openLoad and onTimeRecord');
      report.explain = [
        await explainOne('the median-latency sample', byMs[Math.ceil(byMs.length / 2) - 1]),
        await explainOne('the slowest sample', byMs[byMs.length - 1]),
      ];
    }
    report.sizesAfter = (await describeCity(pool)).sizes;
  } catch (e) {
    report.error = process.env.BENCH_DEBUG ? e.stack : e.message;
  } finally {
    await closeRpc();
    await stopHub().catch(() => undefined);
    report.hubLogs = env.scanLogs(logDir);
    await cleanup.run();
  }

  const file = join(env.RESULTS_DIR, `routing-${ts}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  process.stdout.write('\n' + render(report) + '\n');
  process.stdout.write(
    `\nfigures: ${relative(env.REPO_ROOT, file)}\nlogs:    ${relative(env.REPO_ROOT, logDir)}/\n`,
  );
  if (report.error) {
    process.stderr.write(`\nrouting did not finish: ${report.error}\n`);
    return 1;
  }
  return report.proposal.errors.length || report.registration.errors.length ? 1 : 0;
}

const describe = (xs) => {
  const s = Float64Array.from(xs).sort();
  return { p50: percentile(s, 50), min: s.length ? s[0] : null, max: s.length ? s[s.length - 1] : null };
};
const countBy = (xs, key) => xs.reduce((acc, x) => ((acc[key(x)] = (acc[key(x)] ?? 0) + 1), acc), {});

function render(r) {
  const out = [];
  const m = r.machine;
  const pg = m.postgres;
  out.push(`routing  ${r.startedAt}`);
  out.push('');
  out.push(...renderMachine(m, r.privateNats));
  if (pg?.autovacuum === 'off')
    out.push(
      '  note: autovacuum is off on this server, so nothing analyzes the tables the run writes to (case_parties, outbox, …) while it runs',
    );

  if (r.generation) {
    const g = r.generation;
    out.push('');
    out.push(
      `the city, generated in SQL in ${fmt(g.seconds, 1)} s into ${r.database} ` +
        `(${g.shape.districts} districts, ${g.shape.streets} streets, ${g.shape.villages} villages)`,
    );
    out.push(
      table(
        ['step', 'rows', 's'],
        g.steps.map((s) => [s.step, s.rows ?? '', fmt(s.seconds, 1)]),
      ),
    );
  } else if (r.database) {
    out.push('', `the city: reused database ${r.database}`);
  }
  if (r.options.extraSql) out.push(`extra SQL (${fmt(r.extraSqlSeconds, 1)} s): ${r.options.extraSql}`);
  if (r.city) {
    const z = r.city.sizes;
    out.push('');
    out.push('generated sizes');
    out.push(
      table(
        ['figure', 'value'],
        [
          ['jurisdictions (of which villages/communities)', `${z.jurisdictions} (${z.villages})`],
          ['agencies', z.agencies],
          ['cases (open)', z.cases],
          ['open referrals (issued, accepted, in_progress)', z.open_referrals],
          ['closed referrals (returned, transferred, closed), last 90 days', z.closed_referrals],
          [
            'size of dispatch.cases / dispatch.referrals with indexes',
            `${z.cases_size} / ${z.referrals_size}`,
          ],
        ],
      ),
    );
    out.push('');
    out.push('agencies by kind, with their open referrals');
    out.push(
      table(
        ['kind', 'agencies', 'with open referrals', 'avg open (of those)', 'max open'],
        r.city.byKind.map((k) => [k.kind, k.agencies, k.with_open, k.avg_open, k.max_open]),
      ),
    );
  }
  if (r.error && !r.proposal) {
    out.push('', `NOT FINISHED: ${r.error}`);
    out.push(...renderLogs(r));
    return out.join('\n');
  }

  const p = r.proposal;
  const g = r.registration;
  out.push('');
  out.push(
    `latency (ms), client side: signed NATS request → reply, ${r.options.concurrency} in flight, after ${r.options.warmup} warm-up requests of each; dispatch booted in ${fmt(r.dispatchBootSeconds, 1)} s`,
  );
  const row = (label, x) =>
    x
      ? [label, x.ms.n, fmt(x.ms.p50), fmt(x.ms.p99), fmt(x.ms.max), fmt(x.ms.mean), fmt(x.perSecond, 0)]
      : [label, '-', '-', '-', '-', '-', '-'];
  out.push(
    table(
      ['request', 'n', 'p50', 'p99', 'max', 'mean', 'req/s'],
      [row(`routing proposal   ${p?.subject ?? ''}`, p), row(`case registration  ${g?.subject ?? ''}`, g)],
    ),
  );
  for (const [label, x] of [
    ['proposal', p],
    ['registration', g],
  ]) {
    if (x?.errors?.length)
      out.push(`  ${label} errors: ${x.errors.map((e) => `${e.count}× ${e.message}`).join('; ')}`);
  }
  if (p) {
    const c = p.candidates;
    out.push(
      `  a proposal's candidates: ${c.all.p50} typical (p50; ${c.all.min}–${c.all.max}), of which ${c.leads.p50} leads and ${c.coHandlers.p50} co-handlers; ` +
        `sampled cases by level: ${Object.entries(p.casesByLevel)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
    );
  }
  if (g)
    out.push(
      `  registrations flagged as repeats (same address or party in the district): ${g.flaggedRepeat}`,
    );

  for (const [label, c] of [
    ['proposals', r.proposalCpu],
    ['registrations', r.registrationCpu],
  ]) {
    if (!c) continue;
    out.push('');
    out.push(...renderCpu(`CPU during the measured ${label}`, c, m.cpus));
  }

  for (const e of r.explain ?? []) {
    out.push('');
    out.push(
      `where a proposal's time goes: ${e.label}, case ${e.caseId} at ${e.jurisdiction}, ${e.disputeType}, ` +
        `${e.candidates} candidates, proposal took ${fmt(e.proposalMs)} ms under load`,
    );
    for (const name of ['openLoad', 'onTimeRecord']) {
      const x = e[name];
      if (!x) continue;
      out.push(
        `  ${name}: ${fmt(x.executionMs, 2)} ms execution (EXPLAIN ANALYZE, alone, warm), ${x.referralsCounted} referrals counted`,
      );
      if (e === r.explain[0]) for (const l of x.plan) out.push(`    ${l}`);
    }
  }
  if (r.sizesAfter) {
    out.push('');
    out.push(
      `after the run: ${r.sizesAfter.cases} cases, ${r.sizesAfter.open_referrals} open and ${r.sizesAfter.closed_referrals} closed referrals`,
    );
  }
  if (r.error) out.push('', `NOT FINISHED: ${r.error}`);
  out.push(...renderLogs(r));
  return out.join('\n');
}

module.exports = { main };
