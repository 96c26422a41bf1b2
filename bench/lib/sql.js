'use strict';
// Generating data in SQL: a session set up for bulk writes, and statements timed one by one.

/**
 * Fast, not durable: a crash mid-generation loses a scratch database nobody needs. Call before
 * the session's first temporary table (temp_buffers can only be set before it).
 */
async function bulkSession(client) {
  await client.query('SET synchronous_commit = off');
  await client.query("SET work_mem = '256MB'");
  await client.query("SET maintenance_work_mem = '512MB'");
  await client.query("SET temp_buffers = '1GB'");
  // JIT only adds compile time to one-off statements.
  await client.query('SET jit = off');
}

/**
 * `step(label, sql, params)` runs one statement, logs and records its rows and seconds in `steps`.
 */
function stepper(client, log = () => undefined) {
  const steps = [];
  const step = async (label, sql, params = []) => {
    const t0 = performance.now();
    const r = await client.query(sql, params);
    const seconds = (performance.now() - t0) / 1000;
    steps.push({ step: label, rows: r.rowCount ?? null, seconds: +seconds.toFixed(2) });
    log(`  ${label}: ${r.rowCount ?? '-'} row(s) in ${seconds.toFixed(1)} s`);
    return r;
  };
  return { step, steps };
}

module.exports = { bulkSession, stepper };
