'use strict';
// The agency's 100,000 referrals, written in SQL straight into people_mediation.referrals after the
// service has migrated its schema: the rows a year and a half of dispatch would have left there.
// The inbox reads nothing else, so this measures exactly what a clerk's page costs.

/** Statuses in the proportions of a working committee: most closed, a working set open. */
const STATUS_MIX = [
  ['closed', 0.66],
  ['in_progress', 0.14],
  ['accepted', 0.08],
  ['issued', 0.07],
  ['returned', 0.03],
  ['transferred', 0.02],
];

async function generateReferrals(client, { agencyId, referrals, closedInPeriod, period }) {
  const t0 = Date.now();
  // Cumulative bounds for the status pick from one random number per row.
  let acc = 0;
  const cases = STATUS_MIX.map(([s, share]) => {
    acc += share;
    return `WHEN r < ${acc.toFixed(4)} THEN '${s}'`;
  }).join(' ');
  const spanDays = 540;
  await client.query('BEGIN');
  await client.query(
    `
    INSERT INTO people_mediation.referrals
      (id, case_id, case_number, case_title, dispute_type, jurisdiction_code, agency_id, status, role,
       risk_level, risk_rank, violence_risk, ladder_level, issued_at, received_at, accepted_at, accepted_by_id,
       started_at, closed_at, closed_by_id, outcome, closing_note, agreement_summary, version)
    SELECT gen_random_uuid(), gen_random_uuid(),
           '370781-' || (2025 + (i % 2)) || '-' || lpad(i::text, 6, '0'),
           (ARRAY['宅基地边界纠纷','邻里噪音纠纷','婚姻家庭纠纷','劳务报酬纠纷','物业服务纠纷'])[1 + i % 5] || ' #' || i,
           (ARRAY['land','neighbour','family','labour','property'])[1 + i % 5],
           '370781007201', $1::uuid, st, CASE WHEN i % 7 = 0 THEN 'co' ELSE 'lead' END,
           (ARRAY['general','general','general','serious','major','especially_major'])[1 + i % 6],
           (ARRAY[0,0,0,1,2,3])[1 + i % 6], i % 100 = 0, 1 + i % 3,
           issued, issued, CASE WHEN st IN ('accepted','in_progress','closed') THEN issued + interval '1 hour' END,
           CASE WHEN st IN ('accepted','in_progress','closed') THEN 'bench-clerk' END,
           CASE WHEN st IN ('in_progress','closed') THEN issued + interval '1 day' END,
           CASE WHEN st = 'closed' THEN issued + interval '9 days' END,
           CASE WHEN st = 'closed' THEN 'bench-clerk' END,
           CASE WHEN st = 'closed' THEN (CASE WHEN i % 10 < 9 THEN 'resolved' ELSE 'failed' END) END,
           CASE WHEN st = 'closed' THEN '调解结束' END,
           CASE WHEN st = 'closed' AND i % 10 < 9 THEN '双方达成调解协议' END,
           1
      FROM (
        SELECT i, random() AS r0,
               now() - make_interval(secs => (random() * ${spanDays} * 86400)::int) AS issued
          FROM generate_series(1, $2::int) AS i
      ) g, LATERAL (SELECT CASE ${cases.replace(/\br\b/g, 'g.r0')} ELSE 'closed' END AS st) s`,
    [agencyId, referrals - closedInPeriod],
  );
  // The ledger's period: exactly `closedInPeriod` referrals closed in it (received in it, too).
  await client.query(
    `
    INSERT INTO people_mediation.referrals
      (id, case_id, case_number, case_title, dispute_type, jurisdiction_code, agency_id, status, role,
       risk_level, risk_rank, violence_risk, ladder_level, issued_at, received_at, accepted_at, accepted_by_id,
       started_at, closed_at, closed_by_id, outcome, closing_note, agreement_summary, version)
    SELECT gen_random_uuid(), gen_random_uuid(), '370781-2026-' || lpad((500000 + i)::text, 6, '0'),
           '期间内办结的纠纷 #' || i, (ARRAY['land','neighbour','family','labour','property'])[1 + i % 5],
           '370781007201', $1::uuid, 'closed', 'lead', 'general', 0, false, 1,
           t, t, t + interval '1 hour', 'bench-clerk', t + interval '1 day', t + interval '5 days', 'bench-clerk',
           CASE WHEN i % 10 < 9 THEN 'resolved' ELSE 'failed' END, '调解结束',
           CASE WHEN i % 10 < 9 THEN '双方达成调解协议' END, 1
      FROM (SELECT i, $2::timestamptz + (($3::timestamptz - $2::timestamptz - interval '6 days') * (i::float / $4)) AS t
              FROM generate_series(1, $4::int) AS i) g`,
    [agencyId, period.from, period.to, closedInPeriod],
  );
  await client.query('COMMIT');
  // As autovacuum leaves a table in steady state: visibility map set, so counts can read the index alone.
  await client.query('VACUUM ANALYZE people_mediation.referrals');
  const { rows } = await client.query(
    `SELECT status, count(*)::int AS n FROM people_mediation.referrals WHERE agency_id = $1 GROUP BY status ORDER BY n DESC`,
    [agencyId],
  );
  return {
    seconds: (Date.now() - t0) / 1000,
    byStatus: Object.fromEntries(rows.map((r) => [r.status, r.n])),
  };
}

module.exports = { generateReferrals };
