'use strict';
// What one sweep of the SLA timer engine costs the database: its claim query under EXPLAIN
// (ANALYZE, BUFFERS), in a transaction that is rolled back, with a chosen number of clocks due.

/**
 * The claim of `SlaTimerEngine.fireDue` in apps/dispatch/src/sla/sla-timer-engine.ts, word for
 * word: $1 is the sweep's now, $2 its batch size. Keep it in step with the engine.
 */
const CLAIM_SQL = `WITH due AS (
           SELECT id FROM dispatch.sla_clocks
            WHERE next_fire_at <= $1 ORDER BY next_fire_at LIMIT $2 FOR UPDATE SKIP LOCKED)
         SELECT c.id, c.kind, c.subject_id, c.case_id, c.agency_id, c.target_unit, c.target_ms, c.extended_ms,
                c.used_ms, c.running_since, c.due_at, c.working_hours, c.thresholds, c.breach_actions,
                c.fired_percent, k.case_number, k.jurisdiction_code, k.ladder_level,
                (SELECT max(l.level) FROM dispatch.ladder_levels l WHERE l.ladder_code = k.ladder_code) AS top_level,
                a.name AS agency_name, r.role AS referral_role, r.status AS referral_status
           FROM due JOIN dispatch.sla_clocks c ON c.id = due.id
           JOIN dispatch.cases k ON k.id = c.case_id
           JOIN dispatch.agencies a ON a.id = c.agency_id
           LEFT JOIN dispatch.referrals r ON r.id = c.subject_id`;

/**
 * The claim with `due` clocks due (the sweep's now is the `due`-th earliest next_fire_at) and with
 * none due (a moment before the earliest): `repeats` times each, each in its own rolled-back
 * transaction, after one unmeasured run. Per case: the median run's execution and planning time,
 * rows and buffers, the plain query's time seen from this client (without EXPLAIN), and the plan.
 */
async function measureSweep(pool, { due, batch, repeats }) {
  const { rows } = await pool.query(
    `SELECT (SELECT count(*) FROM dispatch.sla_clocks WHERE next_fire_at IS NOT NULL)::int AS open,
            (SELECT next_fire_at FROM dispatch.sla_clocks WHERE next_fire_at IS NOT NULL
              ORDER BY next_fire_at OFFSET $1 - 1 LIMIT 1) AS nth,
            (SELECT min(next_fire_at) - interval '1 millisecond' FROM dispatch.sla_clocks) AS before_first`,
    [due],
  );
  const { open, nth, before_first: beforeFirst } = rows[0];
  const out = { open, cases: [] };
  for (const [label, now, expect] of [
    [`${due} due`, nth, Math.min(due, batch)],
    ['nothing due (an idle poll)', beforeFirst, 0],
  ]) {
    if (!now) continue;
    const runs = [];
    for (let i = 0; i <= repeats; i++) {
      const run = await once(pool, now, batch);
      if (i > 0) runs.push(run); // the first run only warms the cache
    }
    runs.sort((a, b) => a.executionMs - b.executionMs);
    const median = runs[Math.ceil(runs.length / 2) - 1];
    const plain = runs.map((r) => r.clientMs).sort((a, b) => a - b);
    out.cases.push({
      label,
      expectedRows: expect,
      ...median,
      clientMs: plain[Math.ceil(plain.length / 2) - 1],
      executionMsRange: [runs[0].executionMs, runs[runs.length - 1].executionMs],
    });
  }
  return out;
}

async function once(pool, now, batch) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const [{ 'QUERY PLAN': plan }] = (
      await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${CLAIM_SQL}`, [now, batch])
    ).rows;
    await client.query('ROLLBACK');
    const text = (
      await inRolledBack(client, () => client.query(`EXPLAIN (ANALYZE, BUFFERS) ${CLAIM_SQL}`, [now, batch]))
    ).rows.map((r) => r['QUERY PLAN']);
    let clientMs = 0;
    const plainRows = (
      await inRolledBack(client, async () => {
        const t0 = performance.now();
        const r = await client.query(CLAIM_SQL, [now, batch]);
        clientMs = performance.now() - t0;
        return r;
      })
    ).rowCount;
    const top = plan[0];
    const index = findNode(top.Plan, (n) => n['Index Name'] === 'sla_clocks_next_fire');
    // The claim proper: the CTE that finds, sorts and locks what is due; the rest joins its rows.
    const cte = findNode(top.Plan, (n) => n['Subplan Name'] === 'CTE due');
    return {
      executionMs: top['Execution Time'],
      planningMs: top['Planning Time'],
      rows: top.Plan['Actual Rows'],
      plainRows,
      buffers: buffersOf(top.Plan),
      planningBuffers: top.Planning ? buffersOf(top.Planning) : null,
      claim: cte ? { ms: cte['Actual Total Time'], buffers: buffersOf(cte) } : null,
      index: index
        ? {
            scan: index['Node Type'],
            rows: index['Actual Rows'] * (index['Actual Loops'] ?? 1),
            buffers: buffersOf(index),
          }
        : null,
      clientMs,
      plan: text,
    };
  } finally {
    client.release();
  }
}

async function inRolledBack(client, fn) {
  await client.query('BEGIN');
  try {
    return await fn();
  } finally {
    await client.query('ROLLBACK');
  }
}

const buffersOf = (n) => ({
  hit: n['Shared Hit Blocks'] ?? 0,
  read: n['Shared Read Blocks'] ?? 0,
  dirtied: n['Shared Dirtied Blocks'] ?? 0,
  written: n['Shared Written Blocks'] ?? 0,
});

function findNode(node, pred) {
  if (!node) return null;
  if (pred(node)) return node;
  for (const child of node.Plans ?? []) {
    const found = findNode(child, pred);
    if (found) return found;
  }
  return null;
}

module.exports = { measureSweep, CLAIM_SQL };
