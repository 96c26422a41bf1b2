import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditEntry } from './audit-entry.entity';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditRecord = Pick<
  AuditEntry,
  'at' | 'actorId' | 'actorRole' | 'scope' | 'action' | 'target' | 'origin' | 'result'
>;

/** The hash of one entry: its fields in a fixed order, then the previous hash. */
export function entryHash(prevHash: string, r: AuditRecord): string {
  const fields = [
    new Date(r.at).toISOString(),
    r.actorId,
    r.actorRole,
    r.scope ?? '',
    r.action,
    r.target ?? '',
    r.origin ?? '',
    r.result,
  ];
  return createHash('sha256').update(prevHash).update(JSON.stringify(fields)).digest('hex');
}

/** Appends one entry at the head of the service's chain; concurrent appends queue on an advisory lock. */
export async function appendAudit(dataSource: DataSource, record: AuditRecord): Promise<void> {
  await dataSource.transaction(async (m: EntityManager) => {
    const table = m.getRepository(AuditEntry).metadata.tablePath;
    await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`audit:${table}`]);
    const [head] = (await m.query(`SELECT hash FROM ${table} ORDER BY seq DESC LIMIT 1`)) as {
      hash: string;
    }[];
    const prevHash = head?.hash ?? GENESIS_HASH;
    await m.insert(AuditEntry, { ...record, prevHash, hash: entryHash(prevHash, record) });
  });
}

export interface ChainReport {
  schema: string;
  entries: number;
  /** The first entry whose link does not hold, and why; absent when the chain is whole. */
  firstBroken?: { seq: string; reason: string };
}

interface Row {
  seq: string;
  at: Date;
  actor_id: string;
  actor_role: string;
  scope: string | null;
  action: string;
  target: string | null;
  origin: string | null;
  result: string;
  prev_hash: string;
  hash: string;
}

/** Walks a schema's audit_log in order, recomputing every hash, and stops at the first broken link. */
export async function verifyAuditChain(
  query: (sql: string, params?: unknown[]) => Promise<unknown[]>,
  schema: string,
): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let prevSeq = 0n;
  let entries = 0;
  const pageSize = 5000;
  for (;;) {
    const rows = (await query(
      `SELECT seq, at, actor_id, actor_role, scope, action, target, origin, result, prev_hash, hash
         FROM "${schema}".audit_log WHERE seq > $1 ORDER BY seq LIMIT ${pageSize}`,
      [prevSeq.toString()],
    )) as Row[];
    for (const row of rows) {
      entries += 1;
      const record: AuditRecord = {
        at: row.at,
        actorId: row.actor_id,
        actorRole: row.actor_role,
        scope: row.scope,
        action: row.action,
        target: row.target,
        origin: row.origin,
        result: row.result,
      };
      // A gap in seq is a deleted row (sequences only skip on rollback, and appends never roll back after insert).
      if (row.prev_hash !== prevHash) {
        return {
          schema,
          entries,
          firstBroken: {
            seq: row.seq,
            reason: 'prev_hash does not match the entry before it (an entry was removed or changed)',
          },
        };
      }
      if (entryHash(prevHash, record) !== row.hash) {
        return {
          schema,
          entries,
          firstBroken: { seq: row.seq, reason: 'its contents do not match its hash (the entry was edited)' },
        };
      }
      prevHash = row.hash;
      prevSeq = BigInt(row.seq);
    }
    if (rows.length < pageSize) return { schema, entries };
  }
}
