'use strict';
// The open clocks, in SQL, on the demo city: cases with one lead referral each, and running SLA
// clocks on those referrals, written straight into dispatch's tables after its migrations and the
// demo city's seed. Wall-clock units only (minutes for 签收, hours for 办结), so no working calendar
// is involved and a clock's breach moment is running_since + target_ms, exactly its due_at.
const { bulkSession, stepper } = require('../lib/sql');

/** Marks what this benchmark generated: its cases' numbers and titles, its clocks' creator. */
const CASE_PREFIX = 'SLA-BENCH';

/**
 * `cases` cases (in the demo city's villages and communities, round-robin over its non-department
 * agencies; 30 % with their referral still 待签收, 70 % 办理中) and `clocks` running clocks spread
 * evenly over them: a 签收 clock on a referral waiting for 签收, a 办结 clock on one in progress.
 * Every clock started within the last 7 days and falls due uniformly within the next 30 days;
 * thresholds {50,80,100} with 50 % and 80 % taken as fired, so its next threshold is the breach
 * and next_fire_at = due_at.
 */
async function generateClocks(client, { cases, clocks }, log = () => undefined) {
  const { step, steps } = stepper(client, log);
  const t0 = performance.now();
  await bulkSession(client);

  await step(
    'cases (with one lead referral each, drawn)',
    `CREATE UNLOGGED TABLE public.bench_case AS
     WITH places AS (
       SELECT (row_number() OVER (ORDER BY j.code) - 1)::int AS idx, j.code,
              (SELECT p.ladder_code FROM dispatch.jurisdictions a JOIN dispatch.ladder_policies p
                   ON p.jurisdiction_code = a.code
                WHERE j.code LIKE a.prefix || '%' ORDER BY length(a.prefix) DESC LIMIT 1) AS ladder_code
         FROM dispatch.jurisdictions j WHERE j.level = 'community'
     ), units AS (
       SELECT (row_number() OVER (ORDER BY a.id) - 1)::int AS idx, a.id, a.kind
         FROM dispatch.agencies a WHERE a.kind <> 'department'
     )
     SELECT i - 1 AS idx, gen_random_uuid() AS id, gen_random_uuid() AS referral_id,
            p.code, p.ladder_code, u.id AS agency_id, u.kind AS agency_kind,
            CASE WHEN i % 10 < 3 THEN 'issued' ELSE 'in_progress' END AS referral_status
       FROM generate_series(1, $1::int) i
       JOIN places p ON p.idx = i % (SELECT count(*) FROM places)
       JOIN units u ON u.idx = i % (SELECT count(*) FROM units)`,
    [cases],
  );
  const { rows: check } = await client.query(
    'SELECT count(*)::int AS n, count(ladder_code)::int AS laddered FROM public.bench_case',
  );
  if (check[0].n !== cases || check[0].laddered !== cases)
    throw new Error(
      `the demo city is not what this benchmark expects (no communities, agencies or ladder policies?): ${JSON.stringify(check[0])}`,
    );
  await client.query('CREATE UNIQUE INDEX ON public.bench_case (idx)');
  await client.query('ANALYZE public.bench_case');

  await step(
    'cases',
    `INSERT INTO dispatch.cases (
        id, case_number, title, description, dispute_type, jurisdiction_code, channel, status,
        registered_at, registered_by_id, registered_by_name, version, risk_level, violence_risk,
        first_owner_id, first_owner_name, owner_agency_id, ladder_code, start_level, ladder_level, return_count)
     SELECT c.id, '${CASE_PREFIX}-' || lpad(c.idx::text, 7, '0'), '邻里纠纷（${CASE_PREFIX} #' || c.idx || '）',
            '生成数据：SLA 基准的案件。', 'neighbour', c.code, 'walk_in',
            CASE WHEN c.referral_status = 'issued' THEN 'referred' ELSE 'in_mediation' END,
            now() - interval '10 days', 'bench-sla', '基准', 1, 'general', false, 'bench-sla', '基准',
            CASE WHEN c.referral_status = 'issued' THEN NULL ELSE c.agency_id END,
            c.ladder_code, 1, 1, 0
       FROM public.bench_case c`,
  );
  await step(
    'referrals',
    `INSERT INTO dispatch.referrals (id, case_id, agency_id, agency_kind, role, status, ladder_level,
        matrix_version, issued_at, issued_by_id, accepted_at, started_at)
     SELECT c.referral_id, c.id, c.agency_id, c.agency_kind, 'lead', c.referral_status, 1, 1,
            now() - interval '10 days', 'bench-sla',
            CASE WHEN c.referral_status = 'issued' THEN NULL ELSE now() - interval '9 days' END,
            CASE WHEN c.referral_status = 'issued' THEN NULL ELSE now() - interval '9 days' END
       FROM public.bench_case c`,
  );
  await step(
    'open clocks, due within 30 days',
    insertClocksSql("date_trunc('milliseconds', now() + random() * interval '30 days')", false),
    [clocks, cases],
  );
  // The whole database, as autovacuum would leave one that has been running a while (statistics,
  // and the visibility map for index-only scans, ladder_levels included).
  await step('VACUUM ANALYZE', 'VACUUM (ANALYZE)');
  return { steps, seconds: +((performance.now() - t0) / 1000).toFixed(1) };
}

/**
 * INSERT … SELECT of `$1` running clocks on the generated cases (`$2` of them, clock i on case
 * i mod $2), due at `dueSql`. Timestamps are whole milliseconds, as JavaScript dates are: the
 * engine's reachedAt (running_since + target_ms) is then exactly due_at. A clock on a referral
 * waiting for 签收 is a 签收 clock in minutes, one on a referral in progress a 办结 clock in hours.
 */
function insertClocksSql(dueSql, returning) {
  return `INSERT INTO dispatch.sla_clocks (
        id, kind, subject_id, case_id, agency_id, urgency, policy_version, target_amount, target_unit,
        target_ms, extended_ms, used_ms, paused_ms, working_hours, state, started_at, running_since,
        due_at, thresholds, breach_actions, fired_percent, next_fire_at)
     SELECT gen_random_uuid(), t.kind, t.referral_id, t.case_id, t.agency_id, 'normal', NULL,
            ceil(t.ms::numeric / t.unit_ms)::int, t.unit, t.ms, 0, 0, 0, NULL, 'running', t.started,
            t.started, t.due, '{50,80,100}', '{remind}', 80, t.due
       FROM (SELECT g.due, g.started, (extract(epoch FROM g.due - g.started) * 1000)::bigint AS ms,
                    c.referral_id, c.id AS case_id, c.agency_id,
                    CASE WHEN c.referral_status = 'issued' THEN 'accept' ELSE 'resolve' END AS kind,
                    CASE WHEN c.referral_status = 'issued' THEN 'minutes' ELSE 'hours' END AS unit,
                    CASE WHEN c.referral_status = 'issued' THEN 60000 ELSE 3600000 END AS unit_ms
               FROM (SELECT d.i, d.due,
                            date_trunc('milliseconds', least(d.due, now()) - interval '1 minute'
                                       - random() * interval '7 days') AS started
                       FROM (SELECT i, ${dueSql} AS due FROM generate_series(0, $1::int - 1) i) d) g
               JOIN public.bench_case c ON c.idx = g.i % $2::int) t${returning ? '\n     RETURNING id' : ''}`;
}

/**
 * The burst: `n` clocks on the generated cases, all due at one moment `dueInMs` from now (the
 * database's now, the same clock as everything else on this machine). Returns their ids, the due
 * moment and when the INSERT committed.
 */
async function insertBurst(pool, n, cases, dueInMs) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query(
      `SELECT date_trunc('milliseconds', clock_timestamp() + $1 * interval '1 millisecond') AS due`,
      [dueInMs],
    );
    const due = rows[0].due;
    const r = await client.query(insertClocksSql('$3::timestamptz', true), [n, cases, due]);
    await client.query('COMMIT');
    return { ids: r.rows.map((x) => x.id), due, committedAt: new Date() };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/** Rows and sizes of what the engine reads. */
async function describeClocks(client) {
  const { rows } = await client.query(
    `SELECT (SELECT count(*) FROM dispatch.cases)::int AS cases,
            (SELECT count(*) FROM dispatch.sla_clocks WHERE next_fire_at IS NOT NULL)::int AS open_clocks,
            (SELECT count(*) FROM dispatch.sla_clocks WHERE kind = 'accept' AND next_fire_at IS NOT NULL)::int AS accept,
            (SELECT count(*) FROM dispatch.sla_clocks WHERE kind = 'resolve' AND next_fire_at IS NOT NULL)::int AS resolve,
            (SELECT min(next_fire_at) FROM dispatch.sla_clocks) AS first_due,
            (SELECT max(next_fire_at) FROM dispatch.sla_clocks) AS last_due,
            pg_size_pretty(pg_total_relation_size('dispatch.sla_clocks')) AS clocks_size,
            pg_size_pretty(pg_relation_size('dispatch.sla_clocks_next_fire')) AS next_fire_index_size`,
  );
  return rows[0];
}

module.exports = { generateClocks, insertBurst, describeClocks, CASE_PREFIX };
