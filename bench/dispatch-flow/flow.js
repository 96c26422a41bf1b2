'use strict';
// The dispute flow through the real hub: register (POST /cases) → refer (POST /cases/:id/referrals)
// → the agency service's inbox row, and the SQL that times it from the services' own timestamps.
const { performance } = require('node:perf_hooks');
const { runPool } = require('../lib/http');
const { summarize } = require('../lib/stats');

const KINDS = ['police', 'judicial', 'people', 'lawyer'];
/** Each agency kind's service keeps its inbox in its own schema. */
const INBOX_SCHEMAS = {
  police: 'police_mediation',
  judicial: 'judicial_mediation',
  people: 'people_mediation',
  lawyer: 'lawyer_mediation',
};
const JURISDICTION = '370781007201'; // 卢李村委会, 黄楼街道

const nowMs = () => performance.timeOrigin + performance.now();

/** Every case of a phase carries its tag in the title, so SQL can pick out exactly this phase's rows. */
const titlePrefix = (runId, phase) => `bench ${runId} ${phase} #`;

function caseBody(prefix, i) {
  return {
    title: `${prefix}${i} 邻里漏水纠纷`,
    description: '楼上住户卫生间漏水，楼下住户多次协商未果。（基准测试数据）',
    disputeType: 'neighbour',
    jurisdictionCode: JURISDICTION,
    channel: 'walk_in',
    parties: [{ kind: 'person', role: 'applicant', name: '王某' }],
  };
}

/** Dispute i goes to kind i mod 4, rotating through that kind's seeded agencies. */
function agencyPicker(agencies) {
  const byKind = Object.fromEntries(KINDS.map((k) => [k, agencies.filter((a) => a.kind === k)]));
  for (const k of KINDS) if (byKind[k].length === 0) throw new Error(`the demo city has no ${k} agency`);
  return (i) => {
    const list = byKind[KINDS[i % KINDS.length]];
    return list[Math.floor(i / KINDS.length) % list.length];
  };
}

/**
 * Pushes n disputes with `concurrency` in flight. Returns the client-side latencies, the
 * wall-clock time of the first request, and what failed (a failed dispute is not retried and is
 * not expected in an inbox).
 */
async function pushDisputes({ client, n, concurrency, prefix, pickAgency, onProgress, shouldStop }) {
  const registerMs = [];
  const referMs = [];
  const errors = new Map();
  const referredPerKind = Object.fromEntries(KINDS.map((k) => [k, 0]));
  const fail = (step, what) => {
    const key = `${step}: ${what}`.slice(0, 300);
    errors.set(key, (errors.get(key) ?? 0) + 1);
  };
  let done = 0;
  const firstRequestAt = nowMs();
  const ticker = onProgress ? setInterval(() => onProgress(done), 2000) : null;
  try {
    await runPool(
      n,
      concurrency,
      async (i) => {
        try {
          const a = performance.now();
          const reg = await client.post('/api/v1/cases', caseBody(prefix, i));
          const b = performance.now();
          if (reg.status !== 201 || !reg.json?.id)
            return fail('register', `HTTP ${reg.status} ${reg.text.slice(0, 200)}`);
          registerMs.push(b - a);
          const agency = pickAgency(i);
          const ref = await client.post(`/api/v1/cases/${reg.json.id}/referrals`, {
            agencyId: agency.id,
            note: '请于两个工作日内联系当事人',
            // Rotating over every kind on purpose, outside the routing matrix: the coordinator's override.
            overrideReason: '基准测试：依次派往各类单位',
          });
          const c = performance.now();
          if (ref.status !== 201 || !ref.json?.id)
            return fail('refer', `HTTP ${ref.status} ${ref.text.slice(0, 200)}`);
          referMs.push(c - b);
          referredPerKind[agency.kind] += 1;
        } catch (e) {
          fail('http', e.message);
        } finally {
          done += 1;
        }
      },
      shouldStop,
    );
  } finally {
    if (ticker) clearInterval(ticker);
  }
  const lastResponseAt = nowMs();
  const referred = Object.values(referredPerKind).reduce((a, b) => a + b, 0);
  return {
    firstRequestAt,
    lastResponseAt,
    referred,
    referredPerKind,
    register: summarize(registerMs),
    refer: summarize(referMs),
    errors: [...errors].map(([message, count]) => ({ count, message })),
  };
}

const inboxUnion = () =>
  KINDS.map(
    (k) => `SELECT '${k}'::text AS kind, id, case_id, received_at FROM "${INBOX_SCHEMAS[k]}".referrals`,
  ).join(' UNION ALL ');

/** How many of this phase's referrals sit in the agency inboxes, and when the latest arrived (epoch ms). */
async function inboxProgress(pool, prefix) {
  const { rows } = await pool.query(
    `SELECT count(*)::int AS n, (extract(epoch FROM max(i.received_at)) * 1000)::float8 AS last_ms
       FROM (${inboxUnion()}) i JOIN dispatch.cases c ON c.id = i.case_id
      WHERE c.title LIKE $1 || '%'`,
    [prefix],
  );
  return rows[0];
}

/**
 * Polls until `expected` rows are in, no new row has come for stallMs, or capMs has passed.
 * The end time is the newest received_at, so the polling interval does not affect it.
 */
async function waitForInbox(
  pool,
  prefix,
  expected,
  { stallMs = 30000, capMs = 600000, onProgress, shouldStop = () => false } = {},
) {
  const started = Date.now();
  let last = { n: -1, last_ms: null };
  let lastChange = Date.now();
  let lastReport = 0;
  for (;;) {
    const p = await inboxProgress(pool, prefix);
    if (p.n !== last.n) lastChange = Date.now();
    last = p;
    if (p.n >= expected) return { ...p, complete: true };
    if (shouldStop() || Date.now() - lastChange > stallMs || Date.now() - started > capMs)
      return { ...p, complete: false };
    if (onProgress && Date.now() - lastReport > 2000) {
      onProgress(p.n);
      lastReport = Date.now();
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The latencies from the services' own timestamps (all from this machine's clock):
 *   register→inbox  inbox.received_at − dispatch.cases.registered_at
 *   hop             inbox.received_at − dispatch.referrals.issued_at
 *   outbox wait     dispatch.outbox.published_at − occurred_at (the relay picking up ReferralIssued)
 *   relay→inbox     inbox.received_at − dispatch.outbox.published_at
 * percentile_disc is the nearest-rank percentile, as on the client side.
 */
async function sqlLatencies(pool, prefix) {
  const q = (col) =>
    `percentile_disc(0.5) WITHIN GROUP (ORDER BY ${col}) AS ${col}_p50,
     percentile_disc(0.99) WITHIN GROUP (ORDER BY ${col}) AS ${col}_p99,
     max(${col}) AS ${col}_max`;
  const { rows } = await pool.query(
    `WITH inbox AS (${inboxUnion()}),
     m AS (
       SELECT i.kind,
              (extract(epoch FROM i.received_at - c.registered_at) * 1000)::float8 AS reg,
              (extract(epoch FROM i.received_at - r.issued_at) * 1000)::float8 AS hop,
              (extract(epoch FROM o.published_at - o.occurred_at) * 1000)::float8 AS outbox,
              (extract(epoch FROM i.received_at - o.published_at) * 1000)::float8 AS relay
         FROM inbox i
         JOIN dispatch.referrals r ON r.id = i.id
         JOIN dispatch.cases c ON c.id = r.case_id
         LEFT JOIN dispatch.outbox o ON o.subject = 'dispatch.referral.issued.v1' AND o.payload->>'referralId' = i.id::text
        WHERE c.title LIKE $1 || '%'
     )
     SELECT coalesce(kind, 'all') AS kind, count(*)::int AS n, ${q('reg')}, ${q('hop')}, ${q('outbox')}, ${q('relay')}
       FROM m GROUP BY GROUPING SETS ((kind), ())`,
    [prefix],
  );
  const pick = (r, col) => ({ p50: r[`${col}_p50`], p99: r[`${col}_p99`], max: r[`${col}_max`] });
  const out = {};
  for (const r of rows) {
    out[r.kind] = {
      n: r.n,
      registerToInbox: pick(r, 'reg'),
      hop: pick(r, 'hop'),
      outboxWait: pick(r, 'outbox'),
      relayToInbox: pick(r, 'relay'),
    };
  }
  return out;
}

/** Things that should be zero after a clean run. */
async function sanity(pool) {
  const { rows } = await pool.query(
    `SELECT (SELECT count(*)::int FROM dispatch.outbox WHERE published_at IS NULL) AS dispatch_outbox_unpublished,
            (SELECT count(*)::int FROM (${inboxUnion()}) i WHERE NOT EXISTS (SELECT 1 FROM dispatch.referrals r WHERE r.id = i.id)) AS foreign_inbox_rows,
            (SELECT count(*)::int FROM (SELECT id FROM (${inboxUnion()}) i GROUP BY id HAVING count(*) > 1) d) AS referrals_in_two_inboxes`,
  );
  return rows[0];
}

/**
 * Samples pg_stat_activity of the scratch database every intervalMs: for each service (its
 * application_name), how many of its backends were, on average, busy in a query, waiting on a
 * lock or on I/O, or idle inside an open transaction waiting for the service to send the next
 * statement. Shows where a run waits when neither CPU nor the store is saturated.
 */
function startWaitSampler(pool, intervalMs = 100) {
  const counts = new Map();
  let samples = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      try {
        const { rows } = await pool.query(
          `SELECT coalesce(nullif(application_name, ''), 'unnamed') AS app, state,
                  coalesce(wait_event_type || ':' || wait_event, '') AS wait,
                  CASE WHEN wait_event_type = 'Lock' THEN left(regexp_replace(query, '\\s+', ' ', 'g'), 70) END AS query
             FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND state IS NOT NULL AND state <> 'idle'`,
        );
        samples += 1;
        for (const r of rows) {
          let what =
            r.state === 'active'
              ? r.wait
                ? `active, waiting ${r.wait}`
                : 'active, on CPU'
              : `${r.state}${r.wait ? ` (${r.wait})` : ''}`;
          if (r.query) what += ` in: ${r.query}`;
          const key = `${r.app}\t${what}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
      } catch {
        // a missed sample is fine
      }
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    return {
      samples,
      intervalMs,
      rows: [...counts]
        .map(([k, n]) => {
          const [app, what] = k.split('\t');
          return { app, what, avgBackends: samples ? n / samples : 0 };
        })
        .sort((a, b) => b.avgBackends - a.avgBackends),
    };
  };
}

module.exports = {
  startWaitSampler,
  KINDS,
  INBOX_SCHEMAS,
  titlePrefix,
  agencyPicker,
  pushDisputes,
  waitForInbox,
  sqlLatencies,
  sanity,
  nowMs,
};
