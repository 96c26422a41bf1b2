'use strict';
// The two heaviest statements of a routing proposal, word for word as
// apps/dispatch/src/routing/routing-proposals.ts sends them (openLoad and onTimeRecord), run under
// EXPLAIN (ANALYZE, BUFFERS) with one proposal's candidate agencies, so a reader sees where the
// time goes. If routing-proposals.ts changes, change these with it.

const QUERIES = {
  openLoad: `SELECT agency_id, count(*) AS n FROM dispatch.referrals
        WHERE agency_id = ANY($1) AND status IN ('issued', 'accepted', 'in_progress')
        GROUP BY agency_id`,
  onTimeRecord: `SELECT agency_id,
              count(*) FILTER (WHERE accepted_at <= issued_at + make_interval(hours => $2)) AS on_time,
              count(*) AS total
         FROM dispatch.referrals
        WHERE agency_id = ANY($1) AND issued_at >= now() - interval '90 days'
          AND (accepted_at IS NOT NULL OR issued_at < now() - make_interval(hours => $2))
        GROUP BY agency_id`,
};

/** EXPLAIN (ANALYZE, BUFFERS) of both for these agency ids; plan text and execution time. */
async function explainProposal(pool, agencyIds, acceptTargetHours) {
  const out = {};
  for (const [name, sql] of Object.entries(QUERIES)) {
    const params = name === 'openLoad' ? [agencyIds] : [agencyIds, acceptTargetHours];
    // Twice: the first run may read pages the load phase left out of the cache.
    await pool.query(sql, params);
    const { rows } = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    const plan = rows.map((r) => r['QUERY PLAN']);
    const exec = plan.map((l) => /Execution Time: ([\d.]+) ms/.exec(l)).find(Boolean);
    // How many referrals it counted over all the candidates.
    const { rows: counted } = await pool.query(
      `SELECT coalesce(sum(${name === 'openLoad' ? 'n' : 'total'}), 0)::int AS n FROM (${sql}) x`,
      params,
    );
    out[name] = { executionMs: exec ? Number(exec[1]) : null, referralsCounted: counted[0].n, plan };
  }
  return out;
}

module.exports = { QUERIES, explainProposal };
