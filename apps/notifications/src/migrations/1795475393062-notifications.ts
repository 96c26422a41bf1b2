import type { MigrationInterface, QueryRunner } from 'typeorm';
import { auditLogTriggerSql, dropAuditLogTriggerSql } from '@fengqiao/audit';

/** Channels per agency, deliveries, outbox, inbox and the append-only audit log. */
export class Notifications1795475393062 implements MigrationInterface {
  name = 'Notifications1795475393062';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "notifications"."audit_log" ("seq" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" character varying(64) NOT NULL, "actor_role" character varying(32) NOT NULL, "scope" character varying(64), "action" character varying(120) NOT NULL, "target" character varying(64), "origin" character varying(100), "result" character varying(40) NOT NULL, "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "PK_ce5b9b7d945cab0a6c604bafd9e" PRIMARY KEY ("seq"))',
    );
    await q.query(
      'CREATE TABLE "notifications"."outbox" ("seq" BIGSERIAL NOT NULL, "message_id" uuid NOT NULL, "subject" character varying(200) NOT NULL, "payload" jsonb NOT NULL, "headers" jsonb NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_2f36ee5236f2793f3e7bd554589" UNIQUE ("message_id"), CONSTRAINT "PK_acf0725c6a7245b71c651964ee4" PRIMARY KEY ("seq"))',
    );
    await q.query(
      'CREATE INDEX "outbox_unpublished" ON "notifications"."outbox"  ("seq") WHERE published_at IS NULL',
    );
    await q.query(
      'CREATE TABLE "notifications"."inbox" ("consumer" character varying(100) NOT NULL, "message_id" character varying(100) NOT NULL, "subject" character varying(200) NOT NULL, "handled_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8902b2c18e35f1ba5a650a69c2f" PRIMARY KEY ("consumer", "message_id"))',
    );
    await q.query(
      'CREATE TABLE "notifications"."channels" ("id" uuid NOT NULL, "agency_id" uuid NOT NULL, "position" smallint NOT NULL, "kind" character varying(16) NOT NULL, "webhook_cipher" text, "webhook_origin" character varying(300), "secret_cipher" text, "phones_cipher" text, "phones_masked" character varying(16) array, "levels" character varying(8) array NOT NULL, "enabled" boolean NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by" character varying(64) NOT NULL, CONSTRAINT "PK_bc603823f3f741359c2339389f9" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE UNIQUE INDEX "channels_agency_position" ON "notifications"."channels"  ("agency_id", "position") ',
    );
    await q.query(
      'CREATE TABLE "notifications"."deliveries" ("id" uuid NOT NULL, "source_message_id" character varying(100) NOT NULL, "agency_id" uuid NOT NULL, "clock_id" uuid NOT NULL, "clock_kind" character varying(16) NOT NULL, "case_id" uuid NOT NULL, "case_number" character varying(40) NOT NULL, "jurisdiction_code" character varying(12) NOT NULL, "level" character varying(8) NOT NULL, "channel_id" uuid NOT NULL, "channel_kind" character varying(16) NOT NULL, "webhook_cipher" text, "secret_cipher" text, "phones_cipher" text, "message" text NOT NULL, "status" character varying(16) NOT NULL DEFAULT \'pending\', "attempts" integer NOT NULL DEFAULT \'0\', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "claimed_until" TIMESTAMP WITH TIME ZONE, "claimed_by" character varying(100), "claim_token" uuid, "last_error" character varying(1000), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "delivered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_a6ef225c5c5f0974e503bfb731f" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "deliveries_clock" ON "notifications"."deliveries"  ("clock_id") ');
    await q.query(
      'CREATE INDEX "deliveries_agency_created" ON "notifications"."deliveries"  ("agency_id", "created_at") ',
    );
    await q.query(
      'CREATE INDEX "deliveries_due" ON "notifications"."deliveries"  ("next_attempt_at") WHERE status = \'pending\'',
    );
    await q.query(
      'CREATE UNIQUE INDEX "deliveries_event_channel" ON "notifications"."deliveries"  ("source_message_id", "channel_id") ',
    );
    for (const sql of auditLogTriggerSql('notifications')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropAuditLogTriggerSql('notifications')) await q.query(sql);
    await q.query('DROP INDEX "notifications"."deliveries_event_channel"');
    await q.query('DROP INDEX "notifications"."deliveries_due"');
    await q.query('DROP INDEX "notifications"."deliveries_agency_created"');
    await q.query('DROP INDEX "notifications"."deliveries_clock"');
    await q.query('DROP TABLE "notifications"."deliveries"');
    await q.query('DROP INDEX "notifications"."channels_agency_position"');
    await q.query('DROP TABLE "notifications"."channels"');
    await q.query('DROP TABLE "notifications"."inbox"');
    await q.query('DROP INDEX "notifications"."outbox_unpublished"');
    await q.query('DROP TABLE "notifications"."outbox"');
    await q.query('DROP TABLE "notifications"."audit_log"');
  }
}
