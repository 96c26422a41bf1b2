'use strict';
// The store's own ceiling: how many outbox-style transactions per second this Postgres commits,
// with nothing of the hub in the way. Each transaction is what a hub command does at its core:
// BEGIN; INSERT a business row; INSERT an outbox row with a jsonb payload; COMMIT.
const { randomUUID } = require('node:crypto');
const { performance } = require('node:perf_hooks');
const { Pool } = require('pg');
const { summarize } = require('../lib/stats');

const SCHEMA = 'bench_ceiling';

async function createTables(url) {
  const pool = new Pool({ connectionString: url, max: 1 });
  // Idle clients are cut when the scratch database is dropped: expected at teardown, not a crash.
  pool.on('error', () => undefined);
  try {
    await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await pool.query(`CREATE SCHEMA ${SCHEMA}`);
    // Shaped like dispatch.cases (trimmed) and the hub's outbox table, with the same indexes.
    await pool.query(`CREATE TABLE ${SCHEMA}.business (
      id uuid PRIMARY KEY, title varchar(200) NOT NULL, status varchar(20) NOT NULL,
      registered_at timestamptz NOT NULL DEFAULT now(), version integer NOT NULL DEFAULT 1)`);
    await pool.query(`CREATE TABLE ${SCHEMA}.outbox (
      seq bigserial PRIMARY KEY, message_id uuid NOT NULL UNIQUE, subject varchar(200) NOT NULL,
      payload jsonb NOT NULL, headers jsonb NOT NULL, occurred_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz)`);
    await pool.query(`CREATE INDEX outbox_unpublished ON ${SCHEMA}.outbox (seq) WHERE published_at IS NULL`);
  } finally {
    await pool.end();
  }
}

async function dropTables(url) {
  const pool = new Pool({ connectionString: url, max: 1 });
  // Idle clients are cut when the scratch database is dropped: expected at teardown, not a crash.
  pool.on('error', () => undefined);
  try {
    await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  } finally {
    await pool.end();
  }
}

async function oneTransaction(client, i) {
  const id = randomUUID();
  const title = `基准 ${i} 邻里漏水纠纷`;
  // About the size of the hub's ReferralIssued / CaseRegistered payloads.
  const payload = {
    caseId: id,
    caseNumber: `370781-2026-${String(i).padStart(6, '0')}`,
    caseTitle: title,
    disputeType: 'neighbour',
    jurisdictionCode: '370781007201',
    channel: 'walk_in',
    registeredAt: new Date().toISOString(),
    registeredBy: { id: 'unauthenticated', name: '未认证用户', role: 'unauthenticated' },
  };
  await client.query('BEGIN');
  try {
    await client.query(`INSERT INTO ${SCHEMA}.business (id, title, status) VALUES ($1, $2, 'registered')`, [
      id,
      title,
    ]);
    await client.query(
      `INSERT INTO ${SCHEMA}.outbox (message_id, subject, payload, headers) VALUES ($1, $2, $3, '{}')`,
      [randomUUID(), 'bench.business.registered.v1', JSON.stringify(payload)],
    );
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

/** tx/s with `clients` connections each running transactions back to back; the warm-up is not counted. */
async function measureLevel(url, clients, seconds, warmupSeconds, shouldStop) {
  const pool = new Pool({ connectionString: url, max: clients });
  // Idle clients are cut when the scratch database is dropped: expected at teardown, not a crash.
  pool.on('error', () => undefined);
  const conns = await Promise.all(Array.from({ length: clients }, () => pool.connect()));
  const latencies = [];
  let counted = 0;
  let failed = 0;
  let seq = 0;
  const start = performance.now();
  const countFrom = start + warmupSeconds * 1000;
  const stopAt = countFrom + seconds * 1000;
  try {
    await Promise.all(
      conns.map(async (c) => {
        while (performance.now() < stopAt && !shouldStop()) {
          const a = performance.now();
          try {
            await oneTransaction(c, seq++);
          } catch {
            failed += 1;
            continue;
          }
          const b = performance.now();
          if (a >= countFrom && b <= stopAt) {
            counted += 1;
            latencies.push(b - a);
          }
        }
      }),
    );
  } finally {
    for (const c of conns) c.release();
    await pool.end();
  }
  // Transactions that straddle the window edges are left out; count over the window length.
  const tx = summarize(latencies);
  return {
    clients,
    seconds,
    txPerSecond: counted / seconds,
    transactions: counted,
    failed,
    txMs: { p50: tx.p50, p99: tx.p99 },
  };
}

async function outboxCeiling(
  url,
  { levels = [1, 4, 16], seconds = 4, warmupSeconds = 1, onLevel, shouldStop = () => false } = {},
) {
  await createTables(url);
  try {
    const results = [];
    for (const clients of levels) {
      if (shouldStop()) throw new Error('interrupted');
      const r = await measureLevel(url, clients, seconds, warmupSeconds, shouldStop);
      onLevel?.(r);
      results.push(r);
    }
    return results;
  } finally {
    await dropTables(url).catch(() => undefined);
  }
}

module.exports = { outboxCeiling };
