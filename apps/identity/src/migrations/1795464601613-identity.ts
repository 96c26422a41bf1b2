import type { MigrationInterface, QueryRunner } from 'typeorm';
import { auditLogTriggerSql, dropAuditLogTriggerSql } from '@fengqiao/audit';

/** Users, refresh tokens, login attempts, outbox, inbox and the append-only audit log. */
export class Identity1795464601613 implements MigrationInterface {
  name = 'Identity1795464601613';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "identity"."audit_log" ("seq" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" character varying(64) NOT NULL, "actor_role" character varying(32) NOT NULL, "scope" character varying(64), "action" character varying(120) NOT NULL, "target" character varying(64), "origin" character varying(100), "result" character varying(40) NOT NULL, "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "PK_ce5b9b7d945cab0a6c604bafd9e" PRIMARY KEY ("seq"))',
    );
    await q.query(
      'CREATE TABLE "identity"."outbox" ("seq" BIGSERIAL NOT NULL, "message_id" uuid NOT NULL, "subject" character varying(200) NOT NULL, "payload" jsonb NOT NULL, "headers" jsonb NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_2f36ee5236f2793f3e7bd554589" UNIQUE ("message_id"), CONSTRAINT "PK_acf0725c6a7245b71c651964ee4" PRIMARY KEY ("seq"))',
    );
    await q.query(
      'CREATE INDEX "outbox_unpublished" ON "identity"."outbox"  ("seq") WHERE published_at IS NULL',
    );
    await q.query(
      'CREATE TABLE "identity"."inbox" ("consumer" character varying(100) NOT NULL, "message_id" character varying(100) NOT NULL, "subject" character varying(200) NOT NULL, "handled_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8902b2c18e35f1ba5a650a69c2f" PRIMARY KEY ("consumer", "message_id"))',
    );
    await q.query(
      'CREATE TABLE "identity"."login_attempts" ("seq" BIGSERIAL NOT NULL, "origin" character varying(100) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "succeeded" boolean NOT NULL, CONSTRAINT "PK_60bc168cf0963e1d9adaab65ee4" PRIMARY KEY ("seq"))',
    );
    await q.query(
      'CREATE INDEX "login_attempts_origin_at" ON "identity"."login_attempts"  ("origin", "at") ',
    );
    await q.query(
      'CREATE TABLE "identity"."refresh_tokens" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "family" uuid NOT NULL, "token_hash" character(64) NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_a7838d2ba25be1342091b6695f1" UNIQUE ("token_hash"), CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE INDEX "IDX_3ddc983c5f7bcf132fd8732c3f" ON "identity"."refresh_tokens"  ("user_id") ',
    );
    await q.query(
      'CREATE INDEX "IDX_968936751ab847471635be8dc0" ON "identity"."refresh_tokens"  ("family") ',
    );
    await q.query(
      'CREATE TABLE "identity"."users" ("id" uuid NOT NULL, "username" character varying(64) NOT NULL, "display_name" character varying(100) NOT NULL, "role" character varying(16) NOT NULL, "jurisdiction_code" character varying(12), "agency_id" uuid, "password_hash" character varying(200) NOT NULL, "failed_logins" integer NOT NULL DEFAULT \'0\', "locked_until" TIMESTAMP WITH TIME ZONE, "disabled" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_fe0bb3f6520ee0469504521e710" UNIQUE ("username"), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))',
    );
    for (const sql of auditLogTriggerSql('identity')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropAuditLogTriggerSql('identity')) await q.query(sql);
    await q.query('DROP TABLE "identity"."users"');
    await q.query('DROP INDEX "identity"."IDX_968936751ab847471635be8dc0"');
    await q.query('DROP INDEX "identity"."IDX_3ddc983c5f7bcf132fd8732c3f"');
    await q.query('DROP TABLE "identity"."refresh_tokens"');
    await q.query('DROP INDEX "identity"."login_attempts_origin_at"');
    await q.query('DROP TABLE "identity"."login_attempts"');
    await q.query('DROP TABLE "identity"."inbox"');
    await q.query('DROP INDEX "identity"."outbox_unpublished"');
    await q.query('DROP TABLE "identity"."outbox"');
    await q.query('DROP TABLE "identity"."audit_log"');
  }
}
