import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { createScratchDatabase, type ScratchDatabase } from '@fengqiao/database';
import { appendAudit, AuditEntry, auditLogTriggerSql, verifyAuditChain } from '../src';

const SCHEMA = 'audit_test';
const BASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
let db: ScratchDatabase;
let dataSource: DataSource;
let originalActor: string;

const verify = () => verifyAuditChain((sql, params) => dataSource.query(sql, params), SCHEMA);
const command = (i: number) => ({
  at: new Date(),
  actorId: `u-${i}`,
  actorRole: 'coordinator',
  scope: null,
  action: 'dispatch.case.register.v1',
  target: `case-${i}`,
  origin: '127.0.0.1',
  result: 'ok',
});

// A superuser can switch triggers off for its session: the attacker the chain is there to catch.
async function asSuperuserBypassingTriggers(sql: string) {
  await dataSource.transaction(async (m) => {
    await m.query('SET LOCAL session_replication_role = replica');
    await m.query(sql);
  });
}

beforeAll(async () => {
  db = await createScratchDatabase(BASE_URL, 'fq_audit');
  dataSource = new DataSource({ type: 'postgres', url: db.url, schema: SCHEMA, entities: [AuditEntry] });
  await dataSource.initialize();
  await dataSource.query(`CREATE SCHEMA ${SCHEMA}`);
  await dataSource.synchronize();
  for (const sql of auditLogTriggerSql(SCHEMA)) await dataSource.query(sql);
  await Promise.all([1, 2, 3, 4, 5, 6].map((i) => appendAudit(dataSource, command(i))));
});

afterAll(async () => {
  await dataSource?.destroy();
  await db?.drop();
});

describe('the audit chain', () => {
  it('links concurrent appends into one intact chain', async () => {
    expect(await verify()).toEqual({ schema: SCHEMA, entries: 6 });
  });

  it('refuses UPDATE and DELETE to the application', async () => {
    await expect(
      dataSource.query(`UPDATE ${SCHEMA}.audit_log SET result = 'ok' WHERE seq = 1`),
    ).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`DELETE FROM ${SCHEMA}.audit_log WHERE seq = 1`)).rejects.toThrow(
      /append-only/,
    );
  });

  it('names the row someone edited behind the triggers, and audit:verify exits 1 saying so', async () => {
    [{ actor_id: originalActor }] = await dataSource.query(
      `SELECT actor_id FROM ${SCHEMA}.audit_log WHERE seq = 3`,
    );
    await asSuperuserBypassingTriggers(
      `UPDATE ${SCHEMA}.audit_log SET actor_id = 'someone-else' WHERE seq = 3`,
    );
    expect((await verify()).firstBroken).toEqual({ seq: '3', reason: expect.stringContaining('edited') });

    const cli = resolve(__dirname, '../dist/verify.cli.js');
    const run = await promisify(execFile)(process.execPath, [cli], {
      env: { ...process.env, DATABASE_URL: db.url },
    }).catch((e: { code: number; stdout: string }) => e);
    expect((run as { code?: number }).code).toBe(1);
    expect((run as { stdout: string }).stdout).toContain(`${SCHEMA}: BROKEN at seq 3`);
  });

  it('names the entry after a deleted one', async () => {
    await asSuperuserBypassingTriggers(
      `UPDATE ${SCHEMA}.audit_log SET actor_id = '${originalActor}' WHERE seq = 3`,
    ); // undo the edit
    expect((await verify()).firstBroken).toBeUndefined();
    await asSuperuserBypassingTriggers(`DELETE FROM ${SCHEMA}.audit_log WHERE seq = 4`);
    expect((await verify()).firstBroken).toEqual({ seq: '5', reason: expect.stringContaining('removed') });
  });
});
