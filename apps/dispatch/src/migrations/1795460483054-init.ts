import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Jurisdictions, agencies, dispute types, cases with parties and timeline, referrals, outbox and inbox. */
export class Init1795460483054 implements MigrationInterface {
  name = 'Init1795460483054';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "dispatch"."outbox" ("seq" BIGSERIAL NOT NULL, "message_id" uuid NOT NULL, "subject" character varying(200) NOT NULL, "payload" jsonb NOT NULL, "headers" jsonb NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_2f36ee5236f2793f3e7bd554589" UNIQUE ("message_id"), CONSTRAINT "PK_acf0725c6a7245b71c651964ee4" PRIMARY KEY ("seq"))',
    );
    await q.query(
      'CREATE INDEX "outbox_unpublished" ON "dispatch"."outbox"  ("seq") WHERE published_at IS NULL',
    );
    await q.query(
      'CREATE TABLE "dispatch"."inbox" ("consumer" character varying(100) NOT NULL, "message_id" character varying(100) NOT NULL, "subject" character varying(200) NOT NULL, "handled_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8902b2c18e35f1ba5a650a69c2f" PRIMARY KEY ("consumer", "message_id"))',
    );
    await q.query(
      'CREATE TABLE "dispatch"."jurisdictions" ("code" character varying(12) NOT NULL, "name" character varying(100) NOT NULL, "level" character varying(16) NOT NULL, "prefix" character varying(12) NOT NULL, "parent_code" character varying(12), CONSTRAINT "PK_e33b5f6afb84e58de0c2399edb0" PRIMARY KEY ("code"))',
    );
    await q.query('CREATE INDEX "IDX_1554eee5320395d11593f45ad0" ON "dispatch"."jurisdictions"  ("prefix") ');
    await q.query(
      'CREATE TABLE "dispatch"."agencies" ("id" uuid NOT NULL, "name" character varying(200) NOT NULL, "kind" character varying(16) NOT NULL, "jurisdiction_code" character varying(12) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8ab1f1f53f56c8255b0d7e68b28" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "IDX_cb8c199af6ce39b3c321a86e0a" ON "dispatch"."agencies"  ("kind") ');
    await q.query(
      'CREATE INDEX "IDX_8bd9831f294ffb84a745f5b7f1" ON "dispatch"."agencies"  ("jurisdiction_code") ',
    );
    await q.query(
      'CREATE TABLE "dispatch"."case_parties" ("case_id" uuid NOT NULL, "position" smallint NOT NULL, "kind" character varying(16) NOT NULL, "role" character varying(16) NOT NULL, "name" character varying(100) NOT NULL, CONSTRAINT "PK_52a0dd53b791ba63450724cb860" PRIMARY KEY ("case_id", "position"))',
    );
    await q.query(
      'CREATE TABLE "dispatch"."dispute_types" ("code" character varying(40) NOT NULL, "name_zh" character varying(50) NOT NULL, CONSTRAINT "PK_1a35df8ff22ac2474d3fff39db2" PRIMARY KEY ("code"))',
    );
    await q.query(
      'CREATE TABLE "dispatch"."cases" ("id" uuid NOT NULL, "case_number" character varying(32) NOT NULL, "title" character varying(200) NOT NULL, "description" text NOT NULL, "dispute_type" character varying(40) NOT NULL, "jurisdiction_code" character varying(12) NOT NULL, "channel" character varying(20) NOT NULL, "incident_number" character varying(40), "status" character varying(20) NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "registered_by_id" character varying(64) NOT NULL, "registered_by_name" character varying(100) NOT NULL, "version" integer NOT NULL, CONSTRAINT "UQ_e4b62fdecb8c5dfac7caf8c312e" UNIQUE ("case_number"), CONSTRAINT "PK_264acb3048c240fb89aa34626db" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "IDX_c71df5e7279ba08e88c6b47a55" ON "dispatch"."cases"  ("status") ');
    await q.query(
      'CREATE INDEX "cases_jurisdiction_registered" ON "dispatch"."cases"  ("jurisdiction_code", "registered_at") ',
    );
    await q.query(
      'CREATE TABLE "dispatch"."case_timeline" ("seq" BIGSERIAL NOT NULL, "case_id" uuid NOT NULL, "step" character varying(32) NOT NULL, "summary" character varying(500) NOT NULL, "actor_id" character varying(64) NOT NULL, "actor_name" character varying(100) NOT NULL, "agency_id" uuid, "agency_name" character varying(200), "referral_id" uuid, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_18a8bbd6ae41534be4615727efa" PRIMARY KEY ("seq"))',
    );
    await q.query('CREATE INDEX "case_timeline_case_at" ON "dispatch"."case_timeline"  ("case_id", "at") ');
    await q.query(
      'CREATE TABLE "dispatch"."referrals" ("id" uuid NOT NULL, "case_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "agency_kind" character varying(16) NOT NULL, "status" character varying(16) NOT NULL, "issue_note" text, "outcome" character varying(16), "closing_note" text, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "issued_by_id" character varying(64) NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ea9980e34f738b6252817326c08" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "IDX_112ba17cc81b115755ee4d2c0e" ON "dispatch"."referrals"  ("agency_id") ');
    await q.query('CREATE INDEX "referrals_case" ON "dispatch"."referrals"  ("case_id", "issued_at") ');
    await q.query(
      'ALTER TABLE "dispatch"."agencies" ADD CONSTRAINT "FK_8bd9831f294ffb84a745f5b7f14" FOREIGN KEY ("jurisdiction_code") REFERENCES "dispatch"."jurisdictions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "dispatch"."case_parties" ADD CONSTRAINT "FK_1d74697ed0b9ad0fccd160d273a" FOREIGN KEY ("case_id") REFERENCES "dispatch"."cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "dispatch"."cases" ADD CONSTRAINT "FK_b933e9b261e0485aa04f1b63cdf" FOREIGN KEY ("dispute_type") REFERENCES "dispatch"."dispute_types"("code") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "dispatch"."cases" ADD CONSTRAINT "FK_e157e4da00f3553f702b3a3916f" FOREIGN KEY ("jurisdiction_code") REFERENCES "dispatch"."jurisdictions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "dispatch"."referrals" ADD CONSTRAINT "FK_68ab334842810ff933271725799" FOREIGN KEY ("case_id") REFERENCES "dispatch"."cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "dispatch"."referrals" ADD CONSTRAINT "FK_112ba17cc81b115755ee4d2c0e3" FOREIGN KEY ("agency_id") REFERENCES "dispatch"."agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "dispatch"."referrals" DROP CONSTRAINT "FK_112ba17cc81b115755ee4d2c0e3"');
    await q.query('ALTER TABLE "dispatch"."referrals" DROP CONSTRAINT "FK_68ab334842810ff933271725799"');
    await q.query('ALTER TABLE "dispatch"."cases" DROP CONSTRAINT "FK_e157e4da00f3553f702b3a3916f"');
    await q.query('ALTER TABLE "dispatch"."cases" DROP CONSTRAINT "FK_b933e9b261e0485aa04f1b63cdf"');
    await q.query('ALTER TABLE "dispatch"."case_parties" DROP CONSTRAINT "FK_1d74697ed0b9ad0fccd160d273a"');
    await q.query('ALTER TABLE "dispatch"."agencies" DROP CONSTRAINT "FK_8bd9831f294ffb84a745f5b7f14"');
    await q.query('DROP INDEX "dispatch"."referrals_case"');
    await q.query('DROP INDEX "dispatch"."IDX_112ba17cc81b115755ee4d2c0e"');
    await q.query('DROP TABLE "dispatch"."referrals"');
    await q.query('DROP INDEX "dispatch"."case_timeline_case_at"');
    await q.query('DROP TABLE "dispatch"."case_timeline"');
    await q.query('DROP INDEX "dispatch"."cases_jurisdiction_registered"');
    await q.query('DROP INDEX "dispatch"."IDX_c71df5e7279ba08e88c6b47a55"');
    await q.query('DROP TABLE "dispatch"."cases"');
    await q.query('DROP TABLE "dispatch"."dispute_types"');
    await q.query('DROP TABLE "dispatch"."case_parties"');
    await q.query('DROP INDEX "dispatch"."IDX_8bd9831f294ffb84a745f5b7f1"');
    await q.query('DROP INDEX "dispatch"."IDX_cb8c199af6ce39b3c321a86e0a"');
    await q.query('DROP TABLE "dispatch"."agencies"');
    await q.query('DROP INDEX "dispatch"."IDX_1554eee5320395d11593f45ad0"');
    await q.query('DROP TABLE "dispatch"."jurisdictions"');
    await q.query('DROP TABLE "dispatch"."inbox"');
    await q.query('DROP INDEX "dispatch"."outbox_unpublished"');
    await q.query('DROP TABLE "dispatch"."outbox"');
  }
}
