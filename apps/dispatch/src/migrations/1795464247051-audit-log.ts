import type { MigrationInterface, QueryRunner } from 'typeorm';
import { auditLogTriggerSql, dropAuditLogTriggerSql } from '@fengqiao/audit';

/** The hash-chained audit log of dispatch's commands, append-only by trigger. */
export class AuditLog1795464247051 implements MigrationInterface {
  name = 'AuditLog1795464247051';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "dispatch"."audit_log" ("seq" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" character varying(64) NOT NULL, "actor_role" character varying(32) NOT NULL, "scope" character varying(64), "action" character varying(120) NOT NULL, "target" character varying(64), "origin" character varying(100), "result" character varying(40) NOT NULL, "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "PK_ce5b9b7d945cab0a6c604bafd9e" PRIMARY KEY ("seq"))',
    );
    for (const sql of auditLogTriggerSql('dispatch')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropAuditLogTriggerSql('dispatch')) await q.query(sql);
    await q.query('DROP TABLE "dispatch"."audit_log"');
  }
}
