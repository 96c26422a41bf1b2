'use strict';
// agency-inbox: the benchmark of issue #6. One people's mediation committee holding 100,000
// referrals (written in SQL into its schema), the whole hub started on it, and what its clerk
// waits for through the gateway: the p50/p99 of an inbox page (the first page, a status filter,
// 民转刑 only, a deep page) and of a 工作台账 export of 10,000 rows streamed as .xlsx. Figures only.
const http = require('node:http');
const { createHash } = require('node:crypto');
const { writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const { Client, Pool } = require('pg');
const { parseArgs } = require('../lib/args');
const env = require('../lib/env');
const { startDemoHub } = require('../lib/demo-hub');
const { jsonClient, runPool } = require('../lib/http');
const { summarize } = require('../lib/stats');
const { table, fmt } = require('../lib/table');
const { renderMachine, renderLogs } = require('../lib/report');
const { generateReferrals } = require('./referrals');
const { generateLedgerWork, countLedgerRows } = require('./ledger');

const OPTIONS = {
  referrals: { type: 'int', default: 100000, min: 1000, help: "referrals in the committee's inbox" },
  'ledger-rows': {
    type: 'int',
    default: 10000,
    min: 1,
    help: 'referrals closed in the exported period (the ledger rows)',
  },
  samples: { type: 'int', default: 1000, min: 10, help: 'measured requests per inbox scenario' },
  concurrency: { type: 'int', default: 4, min: 1, help: 'inbox requests in flight at once' },
  warmup: { type: 'int', default: 100, min: 0, help: 'inbox requests sent first and not counted' },
  exports: { type: 'int', default: 5, min: 1, help: 'measured ledger exports (one at a time)' },
  'keep-database': { type: 'bool', help: 'do not drop the scratch database at the end' },
  'private-nats': {
    type: 'bool',
    help: 'start a throwaway nats-server for this run instead of using NATS_URL',
  },
};
const USAGE =
  'usage: node bench/run.js agency-inbox [options]   (or: npm run bench:agency-inbox -- [options])';
const COMMITTEE = '6a1f0c00-0000-4000-8000-000000000301'; // 黄楼街道人民调解委员会
const CLERK = 'clerk.huanglou-committee';
const DEMO_PASSWORD = 'Fengqiao-demo-2026';
// Before the generated year and a half, so exactly --ledger-rows referrals were closed in it.
const PERIOD = { from: '2025-01-01', to: '2025-03-31' };

const log = (msg) => process.stdout.write(`· ${msg}\n`);

async function main(argv) {
  const args = parseArgs(argv, OPTIONS, USAGE);
  if (!args) return 0;
  if (args.ledgerRows >= args.referrals) throw new Error('--ledger-rows must be below --referrals');
  const baseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/fengqiao';
  let natsUrl = process.env.NATS_URL || 'nats://127.0.0.1:4222';
  const startedAt = new Date();
  const ts = env.stamp(startedAt);
  const { AGENCY_KINDS, agencySubjects, DispatchSubjects } = env.requireBuilt('@fengqiao/contracts');

  const logDir = join(env.RESULTS_DIR, `logs-${ts}`);
  env.mkdirp(logDir);
  const cleanup = new env.Cleanup();
  const checkpoint = () => {
    if (cleanup.aborted) throw new Error('interrupted');
  };
  const report = {
    bench: 'agency-inbox',
    startedAt: startedAt.toISOString(),
    options: { ...args, period: PERIOD },
    machine: env.machine(),
    logDir: relative(env.REPO_ROOT, logDir),
  };

  let client = null;
  try {
    if (args.privateNats) {
      const nats = await env.startPrivateNats(join(logDir, 'nats-server.log'));
      cleanup.add('stop the private nats-server', () => nats.stop());
      natsUrl = nats.url;
      report.privateNats = nats.url;
      log(`private nats-server on ${nats.url}`);
    }
    const probe = await env
      .otherHubsOnNats(natsUrl, [
        DispatchSubjects.health,
        ...AGENCY_KINDS.map((k) => agencySubjects(k).health),
      ])
      .catch((e) => {
        throw new Error(`cannot reach NATS at ${natsUrl}: ${e.message}`);
      });
    report.machine.nats = probe.serverVersion;
    if (probe.answered.length)
      throw new Error(
        `another hub is running on ${natsUrl} (answering ${probe.answered.join(', ')}); stop it or pass --private-nats`,
      );

    // 1. The hub on a scratch database with the demo city; the services migrate their schemas at boot.
    const demo = await startDemoHub({
      baseUrl,
      natsUrl,
      logDir,
      cleanup,
      keepDatabase: args.keepDatabase,
      log,
    });
    report.database = demo.database;
    report.hubBootSeconds = demo.bootSeconds;
    const pool = new Pool({ connectionString: demo.dbUrl, max: 1, application_name: 'bench-agency-inbox' });
    pool.on('error', () => undefined);
    cleanup.add('close the pool', () => pool.end());
    report.machine.postgres = await env.postgresInfo(pool);
    checkpoint();

    // 2. The committee's referrals, and the sessions, agreements and follow-ups of the ledger's period.
    log(
      `generating ${args.referrals} referrals (${args.ledgerRows} closed in ${PERIOD.from} … ${PERIOD.to})`,
    );
    const gen = new Client({ connectionString: demo.dbUrl, application_name: 'bench-agency-inbox-generate' });
    gen.on('error', () => undefined);
    await gen.connect();
    cleanup.add('stop the generation', () => gen.end().catch(() => undefined));
    try {
      report.referrals = await generateReferrals(gen, {
        agencyId: COMMITTEE,
        referrals: args.referrals,
        closedInPeriod: args.ledgerRows,
        period: PERIOD,
      });
      report.ledgerWork = await generateLedgerWork(gen, { agencyId: COMMITTEE, period: PERIOD });
      report.expectedLedgerRows = await countLedgerRows(gen, { agencyId: COMMITTEE, period: PERIOD });
    } finally {
      await gen.end().catch(() => undefined);
    }
    log(`generated in ${fmt(report.referrals.seconds + report.ledgerWork.seconds, 1)} s`);
    checkpoint();

    // 3. The committee's clerk, through the gateway.
    client = jsonClient(demo.hub.baseUrl, args.concurrency + 2);
    await client.signIn(CLERK, DEMO_PASSWORD);
    const inbox = (q) => `/api/v1/agencies/${COMMITTEE}/referrals?${q}`;
    const deepPage = Math.max(2, Math.floor(args.referrals / 20 / 5));
    const scenarios = [
      ['first page (20, 民转刑 → risk → newest)', inbox('page=1&pageSize=20')],
      ['status=in_progress, first page', inbox('status=in_progress&page=1&pageSize=20')],
      ['民转刑 only (violenceRisk=true)', inbox('violenceRisk=true&page=1&pageSize=20')],
      [`deep page ${deepPage} (offset ${(deepPage - 1) * 20})`, inbox(`page=${deepPage}&pageSize=20`)],
    ];
    if (args.warmup > 0) {
      log(`warm-up: ${args.warmup} requests`);
      await runPool(args.warmup, args.concurrency, (i) =>
        expectOk(client, scenarios[i % scenarios.length][1]),
      );
    }
    report.inbox = [];
    for (const [name, path] of scenarios) {
      checkpoint();
      const times = [];
      let total = null;
      await runPool(args.samples, args.concurrency, async () => {
        const t0 = process.hrtime.bigint();
        const r = await expectOk(client, path);
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
        total = r.json.total;
      });
      report.inbox.push({ name, path, total, ms: summarize(times) });
      log(
        `${name}: p50 ${fmt(report.inbox.at(-1).ms.p50, 1)} ms, p99 ${fmt(report.inbox.at(-1).ms.p99, 1)} ms`,
      );
    }
    report.explain = await explainInbox(pool, COMMITTEE);

    // 4. The ledger export of the period, one at a time (a clerk's click), streamed to the client.
    report.exports = [];
    const token = client.authorization();
    const ledgerPath = `/api/v1/agencies/${COMMITTEE}/ledger.xlsx?from=${PERIOD.from}&to=${PERIOD.to}&basis=closed`;
    for (let i = 0; i < args.exports + 1; i++) {
      checkpoint();
      const d = await download(demo.hub.baseUrl, ledgerPath, token);
      if (d.status !== 200)
        throw new Error(`ledger export answered ${d.status}: ${d.body.toString('utf8').slice(0, 300)}`);
      // The first export warms the paths and is checked, not counted.
      if (i === 0) report.exportCheck = await checkWorkbook(d.body, report.expectedLedgerRows);
      else report.exports.push({ totalMs: d.totalMs, firstByteMs: d.firstByteMs, bytes: d.body.length });
      log(
        `ledger export ${i === 0 ? '(warm-up, checked)' : i}: ${fmt(d.totalMs, 0)} ms, ${d.body.length} bytes`,
      );
    }
  } catch (e) {
    report.error = process.env.BENCH_DEBUG ? e.stack : e.message;
  } finally {
    client?.close();
    await cleanup.run();
    report.hubLogs = env.scanLogs(join(env.REPO_ROOT, report.logDir));
  }

  const file = join(env.RESULTS_DIR, `agency-inbox-${ts}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  process.stdout.write('\n' + render(report) + '\n');
  process.stdout.write(`\nfigures: ${relative(env.REPO_ROOT, file)}\nlogs:    ${report.logDir}/\n`);
  if (report.error) {
    process.stderr.write(`\nagency-inbox did not finish: ${report.error}\n`);
    return 1;
  }
  return report.exportCheck?.ok ? 0 : 1;
}

async function expectOk(client, path) {
  const r = await client.get(path);
  if (r.status !== 200) throw new Error(`GET ${path} answered ${r.status}: ${r.text.slice(0, 300)}`);
  return r;
}

/** GET of a binary body with timings: time to the first byte and to the last. */
function download(baseUrl, path, authorization) {
  const u = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    let firstByteMs = null;
    const req = http.get({ host: u.hostname, port: u.port, path, headers: { authorization } }, (res) => {
      const chunks = [];
      res.on('data', (c) => {
        firstByteMs ??= Number(process.hrtime.bigint() - t0) / 1e6;
        chunks.push(c);
      });
      res.on('error', reject);
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          body: Buffer.concat(chunks),
          firstByteMs,
          totalMs: Number(process.hrtime.bigint() - t0) / 1e6,
        }),
      );
    });
    req.setTimeout(300000, () => req.destroy(new Error('no answer within 300 s')));
    req.on('error', reject);
  });
}

/** Reads the exported workbook back: its sheets, header and row count against the database. */
async function checkWorkbook(bytes, expectedRows) {
  const ExcelJS = require('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const sheets = wb.worksheets.map((ws) => ({ name: ws.name, rows: ws.actualRowCount }));
  const ledger = wb.worksheets[0];
  const header = (ledger.getRow(1).values ?? []).slice(1).map(String);
  const dataRows = ledger.actualRowCount - 1;
  return {
    ok: dataRows === expectedRows,
    sheets,
    header,
    dataRows,
    expectedRows,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** The inbox's page and count statements as the service sends them, EXPLAIN ANALYZE, median of 5. */
async function explainInbox(pool, agencyId) {
  const statements = [
    [
      'first page: ORDER BY violence_risk, risk_rank, issued_at, id DESC LIMIT 20',
      `SELECT id FROM people_mediation.referrals WHERE agency_id = $1
        ORDER BY violence_risk DESC, risk_rank DESC, issued_at DESC, id DESC LIMIT 20`,
    ],
    ['count(*) of the agency', 'SELECT count(*) FROM people_mediation.referrals WHERE agency_id = $1'],
    [
      "status = 'in_progress' first page",
      `SELECT id FROM people_mediation.referrals WHERE agency_id = $1 AND status = 'in_progress'
        ORDER BY violence_risk DESC, risk_rank DESC, issued_at DESC, id DESC LIMIT 20`,
    ],
  ];
  const out = [];
  for (const [name, sql] of statements) {
    const runs = [];
    let plan = null;
    for (let i = 0; i < 5; i++) {
      const { rows } = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, [agencyId]);
      runs.push(rows[0]['QUERY PLAN'][0]['Execution Time']);
      plan = rows[0]['QUERY PLAN'][0].Plan;
    }
    runs.sort((a, b) => a - b);
    out.push({ name, execMs: runs[2], top: describePlan(plan) });
  }
  return out;
}

function describePlan(p) {
  const names = [];
  for (let n = p; n; n = n.Plans?.[0])
    names.push(n['Index Name'] ? `${n['Node Type']} (${n['Index Name']})` : n['Node Type']);
  return names.join(' → ');
}

function render(r) {
  const out = [`agency-inbox  ${r.startedAt}`, ''];
  out.push(...renderMachine(r.machine, r.privateNats));
  if (r.referrals) {
    out.push(
      '',
      `inbox: ${r.options.referrals} referrals of 黄楼街道人民调解委员会 (${Object.entries(
        r.referrals.byStatus,
      )
        .map(([s, n]) => `${s} ${n}`)
        .join(', ')})`,
    );
  }
  if (r.inbox?.length) {
    out.push(
      '',
      `inbox page through the gateway (GET /api/v1/agencies/{id}/referrals as the committee's clerk; ${r.options.samples} requests each, ${r.options.concurrency} in flight, after ${r.options.warmup} warm-up)`,
    );
    out.push(
      table(
        ['scenario', 'total', 'p50 ms', 'p99 ms', 'max ms'],
        r.inbox.map((s) => [s.name, s.total, fmt(s.ms.p50, 1), fmt(s.ms.p99, 1), fmt(s.ms.max, 1)]),
      ),
    );
  }
  if (r.explain?.length) {
    out.push('', 'the statements behind a page (EXPLAIN ANALYZE, median of 5)');
    out.push(
      table(
        ['statement', 'exec ms', 'plan'],
        r.explain.map((e) => [e.name, fmt(e.execMs, 2), e.top]),
        '  ',
      ),
    );
  }
  if (r.exports?.length) {
    const total = summarize(r.exports.map((e) => e.totalMs));
    const first = summarize(r.exports.map((e) => e.firstByteMs));
    const c = r.exportCheck;
    out.push(
      '',
      `ledger export (工作台账 .xlsx of ${r.options.period.from} … ${r.options.period.to}, by closing date; ${r.exports.length} exports one at a time after a checked warm-up)`,
    );
    out.push(
      table(
        ['', 'p50 ms', 'p99 ms', 'max ms'],
        [
          ['whole file received', fmt(total.p50, 0), fmt(total.p99, 0), fmt(total.max, 0)],
          ['first byte', fmt(first.p50, 0), fmt(first.p99, 0), fmt(first.max, 0)],
        ],
      ),
    );
    out.push(
      `  file: ${r.exports[0].bytes} bytes; sheets ${c.sheets.map((s) => `${s.name} (${s.rows} rows)`).join(', ')}`,
      `  rows: ${c.dataRows} in 工作台账, ${c.expectedRows} expected from the database: ${c.ok ? 'match' : 'MISMATCH'}`,
      `  header: ${c.header.join(' | ')}`,
    );
  }
  if (r.error) out.push('', `NOT FINISHED: ${r.error}`);
  out.push(...renderLogs(r));
  return out.join('\n');
}

module.exports = { main };
