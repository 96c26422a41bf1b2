import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RoutingLadderIntake1795470000000 implements MigrationInterface {
  name = 'RoutingLadderIntake1795470000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "dispatch"."IDX_112ba17cc81b115755ee4d2c0e"');
    await q.query(
      'CREATE TABLE "dispatch"."type_suggestions" ("seq" BIGSERIAL NOT NULL, "case_id" uuid NOT NULL, "text" text NOT NULL, "suggested_type" character varying(40) NOT NULL, "confidence" real NOT NULL, "model_version" character varying(40) NOT NULL, "chosen_type" character varying(40) NOT NULL, "corrected" boolean NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_by_id" character varying(64) NOT NULL, CONSTRAINT "PK_39d869d06f3e52867839c15d568" PRIMARY KEY ("seq"))',
    );
    await q.query(
      'CREATE INDEX "IDX_a94139dbf303e0a2245eda326a" ON "dispatch"."type_suggestions"  ("case_id") ',
    );
    await q.query(
      'CREATE INDEX "type_suggestions_corrected" ON "dispatch"."type_suggestions"  ("corrected", "recorded_at") ',
    );
    await q.query(
      'CREATE TABLE "dispatch"."case_escalations" ("id" uuid NOT NULL, "case_id" uuid NOT NULL, "ladder_code" character varying(24) NOT NULL, "from_level" smallint NOT NULL, "to_level" smallint NOT NULL, "reason" text NOT NULL, "escalated_by_id" character varying(64) NOT NULL, "escalated_by_name" character varying(100) NOT NULL, "escalated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_62a4a9f307723a5f2e729f440fd" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE INDEX "case_escalations_case" ON "dispatch"."case_escalations"  ("case_id", "escalated_at") ',
    );
    await q.query(
      'CREATE TABLE "dispatch"."ladders" ("code" character varying(24) NOT NULL, "name_zh" character varying(100) NOT NULL, "description" character varying(500) NOT NULL, CONSTRAINT "PK_0e8064471bc02b57946efa9e824" PRIMARY KEY ("code"))',
    );
    await q.query(
      'CREATE TABLE "dispatch"."ladder_levels" ("ladder_code" character varying(24) NOT NULL, "level" smallint NOT NULL, "name_zh" character varying(100) NOT NULL, "mode" character varying(24) NOT NULL, "unit_kinds" character varying(16) array NOT NULL, CONSTRAINT "PK_d20481fd2ab40e84c261eff01f6" PRIMARY KEY ("ladder_code", "level"))',
    );
    await q.query(
      'CREATE TABLE "dispatch"."ladder_policies" ("jurisdiction_code" character varying(12) NOT NULL, "ladder_code" character varying(24) NOT NULL, "chosen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "chosen_by_id" character varying(64) NOT NULL, CONSTRAINT "PK_58ea6670c34335802974df9b445" PRIMARY KEY ("jurisdiction_code"))',
    );
    await q.query(
      'CREATE TABLE "dispatch"."case_links" ("case_id" uuid NOT NULL, "linked_case_id" uuid NOT NULL, "reason" character varying(20) NOT NULL, "linked_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_11602b6ca2b5ae2927a8ad19458" PRIMARY KEY ("case_id", "linked_case_id", "reason"))',
    );
    await q.query('CREATE INDEX "case_links_linked" ON "dispatch"."case_links"  ("linked_case_id") ');
    await q.query(
      'CREATE TABLE "dispatch"."dispatch_policies" ("jurisdiction_code" character varying(12) NOT NULL, "auto_dispatch" boolean NOT NULL, "max_risk_level" character varying(20) NOT NULL, "min_confidence" real NOT NULL, "min_margin" real NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by_id" character varying(64) NOT NULL, CONSTRAINT "PK_3644aa1d1cfda1fe502860d8f42" PRIMARY KEY ("jurisdiction_code"))',
    );
    await q.query(
      'CREATE TABLE "dispatch"."routing_matrix_versions" ("version" integer NOT NULL, "note" text NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "published_by_id" character varying(64) NOT NULL, "published_by_name" character varying(100) NOT NULL, CONSTRAINT "PK_2892663a5e30f1ee1ec898a784b" PRIMARY KEY ("version"))',
    );
    await q.query(
      'CREATE TABLE "dispatch"."routing_matrix_entries" ("version" integer NOT NULL, "dispute_type" character varying(40) NOT NULL, "jurisdiction_level" character varying(16) NOT NULL, "agency_kind" character varying(16) NOT NULL, "role" character varying(8) NOT NULL, CONSTRAINT "PK_a3dac46cfd09184ab9046056449" PRIMARY KEY ("version", "dispute_type", "jurisdiction_level", "agency_kind"))',
    );
    await q.query(
      'CREATE INDEX "routing_matrix_lookup" ON "dispatch"."routing_matrix_entries"  ("version", "dispute_type", "jurisdiction_level") ',
    );
    await q.query('ALTER TABLE "dispatch"."agencies" ADD "capacity" integer NOT NULL DEFAULT \'50\'');
    await q.query(
      'ALTER TABLE "dispatch"."agencies" ADD "specialties" character varying(40) array NOT NULL DEFAULT \'{}\'',
    );
    await q.query('ALTER TABLE "dispatch"."agencies" ADD "published" boolean NOT NULL DEFAULT false');
    await q.query(
      'ALTER TABLE "dispatch"."cases" ADD "risk_level" character varying(20) NOT NULL DEFAULT \'general\'',
    );
    await q.query('ALTER TABLE "dispatch"."cases" ADD "violence_risk" boolean NOT NULL DEFAULT false');
    await q.query('ALTER TABLE "dispatch"."cases" ADD "address" character varying(300)');
    await q.query('ALTER TABLE "dispatch"."cases" ADD "address_key" character varying(300)');
    await q.query(
      'ALTER TABLE "dispatch"."cases" ADD "first_owner_id" character varying(64) NOT NULL DEFAULT \'\'',
    );
    await q.query('UPDATE "dispatch"."cases" SET "first_owner_id" = "registered_by_id"');
    await q.query('ALTER TABLE "dispatch"."cases" ALTER COLUMN "first_owner_id" DROP DEFAULT');
    await q.query(
      'ALTER TABLE "dispatch"."cases" ADD "first_owner_name" character varying(100) NOT NULL DEFAULT \'\'',
    );
    await q.query('UPDATE "dispatch"."cases" SET "first_owner_name" = "registered_by_name"');
    await q.query('ALTER TABLE "dispatch"."cases" ALTER COLUMN "first_owner_name" DROP DEFAULT');
    await q.query('ALTER TABLE "dispatch"."cases" ADD "first_owner_agency_id" uuid');
    await q.query('ALTER TABLE "dispatch"."cases" ADD "owner_agency_id" uuid');
    await q.query(
      'ALTER TABLE "dispatch"."cases" ADD "ladder_code" character varying(24) NOT NULL DEFAULT \'five_level\'',
    );
    await q.query('ALTER TABLE "dispatch"."cases" ALTER COLUMN "ladder_code" DROP DEFAULT');
    await q.query('ALTER TABLE "dispatch"."cases" ADD "start_level" smallint NOT NULL DEFAULT 1');
    await q.query('ALTER TABLE "dispatch"."cases" ALTER COLUMN "start_level" DROP DEFAULT');
    await q.query('ALTER TABLE "dispatch"."cases" ADD "ladder_level" smallint NOT NULL DEFAULT 1');
    await q.query('ALTER TABLE "dispatch"."cases" ALTER COLUMN "ladder_level" DROP DEFAULT');
    await q.query('ALTER TABLE "dispatch"."cases" ADD "proposed_level" smallint');
    await q.query('ALTER TABLE "dispatch"."cases" ADD "closed_level" smallint');
    await q.query('ALTER TABLE "dispatch"."cases" ADD "closed_at" TIMESTAMP WITH TIME ZONE');
    await q.query('ALTER TABLE "dispatch"."cases" ADD "is_repeat" boolean NOT NULL DEFAULT false');
    await q.query('ALTER TABLE "dispatch"."cases" ADD "ping_pong" boolean NOT NULL DEFAULT false');
    await q.query('ALTER TABLE "dispatch"."cases" ADD "return_count" smallint NOT NULL DEFAULT \'0\'');
    await q.query(
      'ALTER TABLE "dispatch"."referrals" ADD "role" character varying(8) NOT NULL DEFAULT \'lead\'',
    );
    await q.query('ALTER TABLE "dispatch"."referrals" ADD "ladder_level" smallint NOT NULL DEFAULT \'1\'');
    await q.query('ALTER TABLE "dispatch"."referrals" ADD "matrix_version" integer');
    await q.query('ALTER TABLE "dispatch"."referrals" ADD "matrix_override_reason" text');
    await q.query('ALTER TABLE "dispatch"."referrals" ADD "agreement_summary" text');
    await q.query('ALTER TABLE "dispatch"."referrals" ADD "next_step" character varying(16)');
    await q.query('ALTER TABLE "dispatch"."referrals" ADD "return_reason" character varying(32)');
    await q.query('ALTER TABLE "dispatch"."referrals" ADD "return_note" text');
    await q.query('ALTER TABLE "dispatch"."referrals" ADD "returned_at" TIMESTAMP WITH TIME ZONE');
    await q.query('ALTER TABLE "dispatch"."referrals" ADD "awaiting_ruling" boolean NOT NULL DEFAULT false');
    await q.query('ALTER TABLE "dispatch"."referrals" ADD "ruling" character varying(12)');
    await q.query('ALTER TABLE "dispatch"."referrals" ADD "ruling_note" text');
    await q.query('ALTER TABLE "dispatch"."referrals" ADD "ruled_by_id" character varying(64)');
    await q.query('ALTER TABLE "dispatch"."referrals" ADD "ruled_at" TIMESTAMP WITH TIME ZONE');
    await q.query('ALTER TABLE "dispatch"."referrals" ADD "transferred_to_id" uuid');
    await q.query('ALTER TABLE "dispatch"."referrals" ADD "started_at" TIMESTAMP WITH TIME ZONE');
    await q.query('CREATE INDEX "cases_address_key" ON "dispatch"."cases"  ("address_key") ');
    await q.query(
      'CREATE INDEX "referrals_awaiting_ruling" ON "dispatch"."referrals"  ("issued_at") WHERE awaiting_ruling',
    );
    await q.query(
      'CREATE INDEX "referrals_agency_issued" ON "dispatch"."referrals"  ("agency_id", "issued_at") ',
    );
    await q.query(
      'CREATE INDEX "referrals_agency_open" ON "dispatch"."referrals"  ("agency_id") WHERE status IN (\'issued\', \'accepted\', \'in_progress\')',
    );
    await q.query(
      'ALTER TABLE "dispatch"."ladder_policies" ADD CONSTRAINT "FK_58ea6670c34335802974df9b445" FOREIGN KEY ("jurisdiction_code") REFERENCES "dispatch"."jurisdictions"("code") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "dispatch"."dispatch_policies" ADD CONSTRAINT "FK_3644aa1d1cfda1fe502860d8f42" FOREIGN KEY ("jurisdiction_code") REFERENCES "dispatch"."jurisdictions"("code") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE "dispatch"."dispatch_policies" DROP CONSTRAINT "FK_3644aa1d1cfda1fe502860d8f42"',
    );
    await q.query(
      'ALTER TABLE "dispatch"."ladder_policies" DROP CONSTRAINT "FK_58ea6670c34335802974df9b445"',
    );
    await q.query('DROP INDEX "dispatch"."referrals_agency_open"');
    await q.query('DROP INDEX "dispatch"."referrals_agency_issued"');
    await q.query('DROP INDEX "dispatch"."referrals_awaiting_ruling"');
    await q.query('DROP INDEX "dispatch"."cases_address_key"');
    await q.query('ALTER TABLE "dispatch"."referrals" DROP COLUMN "started_at"');
    await q.query('ALTER TABLE "dispatch"."referrals" DROP COLUMN "transferred_to_id"');
    await q.query('ALTER TABLE "dispatch"."referrals" DROP COLUMN "ruled_at"');
    await q.query('ALTER TABLE "dispatch"."referrals" DROP COLUMN "ruled_by_id"');
    await q.query('ALTER TABLE "dispatch"."referrals" DROP COLUMN "ruling_note"');
    await q.query('ALTER TABLE "dispatch"."referrals" DROP COLUMN "ruling"');
    await q.query('ALTER TABLE "dispatch"."referrals" DROP COLUMN "awaiting_ruling"');
    await q.query('ALTER TABLE "dispatch"."referrals" DROP COLUMN "returned_at"');
    await q.query('ALTER TABLE "dispatch"."referrals" DROP COLUMN "return_note"');
    await q.query('ALTER TABLE "dispatch"."referrals" DROP COLUMN "return_reason"');
    await q.query('ALTER TABLE "dispatch"."referrals" DROP COLUMN "next_step"');
    await q.query('ALTER TABLE "dispatch"."referrals" DROP COLUMN "agreement_summary"');
    await q.query('ALTER TABLE "dispatch"."referrals" DROP COLUMN "matrix_override_reason"');
    await q.query('ALTER TABLE "dispatch"."referrals" DROP COLUMN "matrix_version"');
    await q.query('ALTER TABLE "dispatch"."referrals" DROP COLUMN "ladder_level"');
    await q.query('ALTER TABLE "dispatch"."referrals" DROP COLUMN "role"');
    await q.query('ALTER TABLE "dispatch"."cases" DROP COLUMN "return_count"');
    await q.query('ALTER TABLE "dispatch"."cases" DROP COLUMN "ping_pong"');
    await q.query('ALTER TABLE "dispatch"."cases" DROP COLUMN "is_repeat"');
    await q.query('ALTER TABLE "dispatch"."cases" DROP COLUMN "closed_at"');
    await q.query('ALTER TABLE "dispatch"."cases" DROP COLUMN "closed_level"');
    await q.query('ALTER TABLE "dispatch"."cases" DROP COLUMN "proposed_level"');
    await q.query('ALTER TABLE "dispatch"."cases" DROP COLUMN "ladder_level"');
    await q.query('ALTER TABLE "dispatch"."cases" DROP COLUMN "start_level"');
    await q.query('ALTER TABLE "dispatch"."cases" DROP COLUMN "ladder_code"');
    await q.query('ALTER TABLE "dispatch"."cases" DROP COLUMN "owner_agency_id"');
    await q.query('ALTER TABLE "dispatch"."cases" DROP COLUMN "first_owner_agency_id"');
    await q.query('ALTER TABLE "dispatch"."cases" DROP COLUMN "first_owner_name"');
    await q.query('ALTER TABLE "dispatch"."cases" DROP COLUMN "first_owner_id"');
    await q.query('ALTER TABLE "dispatch"."cases" DROP COLUMN "address_key"');
    await q.query('ALTER TABLE "dispatch"."cases" DROP COLUMN "address"');
    await q.query('ALTER TABLE "dispatch"."cases" DROP COLUMN "violence_risk"');
    await q.query('ALTER TABLE "dispatch"."cases" DROP COLUMN "risk_level"');
    await q.query('ALTER TABLE "dispatch"."agencies" DROP COLUMN "published"');
    await q.query('ALTER TABLE "dispatch"."agencies" DROP COLUMN "specialties"');
    await q.query('ALTER TABLE "dispatch"."agencies" DROP COLUMN "capacity"');
    await q.query('DROP INDEX "dispatch"."routing_matrix_lookup"');
    await q.query('DROP TABLE "dispatch"."routing_matrix_entries"');
    await q.query('DROP TABLE "dispatch"."routing_matrix_versions"');
    await q.query('DROP TABLE "dispatch"."dispatch_policies"');
    await q.query('DROP INDEX "dispatch"."case_links_linked"');
    await q.query('DROP TABLE "dispatch"."case_links"');
    await q.query('DROP TABLE "dispatch"."ladder_policies"');
    await q.query('DROP TABLE "dispatch"."ladder_levels"');
    await q.query('DROP TABLE "dispatch"."ladders"');
    await q.query('DROP INDEX "dispatch"."case_escalations_case"');
    await q.query('DROP TABLE "dispatch"."case_escalations"');
    await q.query('DROP INDEX "dispatch"."type_suggestions_corrected"');
    await q.query('DROP INDEX "dispatch"."IDX_a94139dbf303e0a2245eda326a"');
    await q.query('DROP TABLE "dispatch"."type_suggestions"');
    await q.query(
      'CREATE INDEX "IDX_112ba17cc81b115755ee4d2c0e" ON "dispatch"."referrals" USING btree ("agency_id") ',
    );
  }
}
