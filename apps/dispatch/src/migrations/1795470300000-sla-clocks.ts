import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SlaClocks1795470300000 implements MigrationInterface {
  name = 'SlaClocks1795470300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "dispatch"."calendar_overrides" ("date" date NOT NULL, "year" smallint NOT NULL, "kind" character varying(8) NOT NULL, "name" character varying(40) NOT NULL, "source" character varying(200) NOT NULL, "entered_by_name" character varying(100) NOT NULL, "entered_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_5da0adcfdcb3ce929cd0845d9a4" PRIMARY KEY ("date"))',
    );
    await q.query('CREATE INDEX "calendar_overrides_year" ON "dispatch"."calendar_overrides"  ("year") ');
    await q.query(
      'CREATE TABLE "dispatch"."working_hours" ("jurisdiction_code" character varying(12) NOT NULL, "periods" jsonb NOT NULL, "set_by_name" character varying(100) NOT NULL, "set_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_5853a406c4fffe851a986110ca5" PRIMARY KEY ("jurisdiction_code"))',
    );
    await q.query(
      'CREATE TABLE "dispatch"."sla_clocks" ("id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "subject_id" uuid NOT NULL, "case_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "urgency" character varying(8) NOT NULL, "policy_version" integer, "target_amount" integer NOT NULL, "target_unit" character varying(16) NOT NULL, "target_ms" bigint NOT NULL, "extended_ms" bigint NOT NULL DEFAULT \'0\', "used_ms" bigint NOT NULL DEFAULT \'0\', "paused_ms" bigint NOT NULL DEFAULT \'0\', "working_hours" jsonb, "state" character varying(8) NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "running_since" TIMESTAMP WITH TIME ZONE, "paused_at" TIMESTAMP WITH TIME ZONE, "due_at" TIMESTAMP WITH TIME ZONE, "thresholds" smallint array NOT NULL, "breach_actions" character varying(16) array NOT NULL, "fired_percent" smallint NOT NULL DEFAULT \'0\', "next_fire_at" TIMESTAMP WITH TIME ZONE, "stopped_at" TIMESTAMP WITH TIME ZONE, "stop_reason" character varying(16), CONSTRAINT "PK_2dce3f4b73eb9cb02e3d81de5c9" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE INDEX "sla_clocks_due_running" ON "dispatch"."sla_clocks"  ("due_at") WHERE state = \'running\'',
    );
    await q.query(
      'CREATE INDEX "sla_clocks_next_fire" ON "dispatch"."sla_clocks"  ("next_fire_at") WHERE next_fire_at IS NOT NULL',
    );
    await q.query(
      'CREATE INDEX "sla_clocks_agency_open" ON "dispatch"."sla_clocks"  ("agency_id", "due_at") WHERE state <> \'stopped\'',
    );
    await q.query('CREATE INDEX "sla_clocks_case" ON "dispatch"."sla_clocks"  ("case_id") ');
    await q.query('CREATE INDEX "sla_clocks_subject" ON "dispatch"."sla_clocks"  ("subject_id", "kind") ');
    await q.query(
      'CREATE TABLE "dispatch"."sla_clock_steps" ("seq" BIGSERIAL NOT NULL, "clock_id" uuid NOT NULL, "step" character varying(24) NOT NULL, "summary" character varying(500) NOT NULL, "actor_name" character varying(100), "at" TIMESTAMP WITH TIME ZONE NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE, "pause_reason" character varying(32), CONSTRAINT "PK_1ffc81cee19a763d2fa1da0f1af" PRIMARY KEY ("seq"))',
    );
    await q.query(
      'CREATE INDEX "sla_clock_steps_clock" ON "dispatch"."sla_clock_steps"  ("clock_id", "seq") ',
    );
    await q.query(
      'CREATE TABLE "dispatch"."sla_extensions" ("id" uuid NOT NULL, "clock_id" uuid NOT NULL, "amount" integer NOT NULL, "unit" character varying(16) NOT NULL, "reason" text NOT NULL, "status" character varying(10) NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "requested_by_id" character varying(64) NOT NULL, "requested_by_name" character varying(100) NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by_name" character varying(100), "decision_note" text, CONSTRAINT "PK_5e7452e83e71698ae094ed226f5" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE UNIQUE INDEX "sla_extensions_pending" ON "dispatch"."sla_extensions"  ("clock_id") WHERE status = \'pending\'',
    );
    await q.query('CREATE INDEX "sla_extensions_clock" ON "dispatch"."sla_extensions"  ("clock_id") ');
    await q.query(
      'CREATE TABLE "dispatch"."sla_policy_versions" ("version" integer NOT NULL, "note" text NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "published_by_id" character varying(64) NOT NULL, "published_by_name" character varying(100) NOT NULL, CONSTRAINT "PK_fbc2e551bed3a9d7172e4f004ac" PRIMARY KEY ("version"))',
    );
    await q.query(
      'CREATE TABLE "dispatch"."sla_policy_rules" ("id" SERIAL NOT NULL, "version" integer NOT NULL, "dispute_type" character varying(40) NOT NULL DEFAULT \'\', "urgency" character varying(8) NOT NULL, "agency_kind" character varying(16) NOT NULL DEFAULT \'\', "accept_amount" integer NOT NULL, "accept_unit" character varying(16) NOT NULL, "first_contact_amount" integer NOT NULL, "first_contact_unit" character varying(16) NOT NULL, "resolve_amount" integer NOT NULL, "resolve_unit" character varying(16) NOT NULL, "follow_up_amount" integer NOT NULL, "follow_up_unit" character varying(16) NOT NULL, "thresholds" smallint array NOT NULL, "breach_actions" character varying(16) array NOT NULL, CONSTRAINT "PK_fcb3a0317dc099664df148d1122" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE UNIQUE INDEX "sla_policy_rules_key" ON "dispatch"."sla_policy_rules"  ("version", "urgency", "dispute_type", "agency_kind") ',
    );
    await q.query(
      'CREATE TABLE "dispatch"."supervisions" ("id" uuid NOT NULL, "clock_id" uuid NOT NULL, "case_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "status" character varying(8) NOT NULL, "reason" character varying(500) NOT NULL, "actions" character varying(16) array NOT NULL, "proposed_level" smallint, "reassigned_to_referral_id" uuid, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE, "closed_by_name" character varying(100), "closing_note" text, CONSTRAINT "UQ_d54ae1cbc18979895a9b4c58af8" UNIQUE ("clock_id"), CONSTRAINT "PK_aa7f50a204c91d215e69a3235a9" PRIMARY KEY ("id"))',
    );
    await q.query('CREATE INDEX "supervisions_case" ON "dispatch"."supervisions"  ("case_id") ');
    await q.query(
      'CREATE INDEX "supervisions_open" ON "dispatch"."supervisions"  ("opened_at") WHERE status = \'open\'',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "dispatch"."supervisions_open"');
    await q.query('DROP INDEX "dispatch"."supervisions_case"');
    await q.query('DROP TABLE "dispatch"."supervisions"');
    await q.query('DROP INDEX "dispatch"."sla_policy_rules_key"');
    await q.query('DROP TABLE "dispatch"."sla_policy_rules"');
    await q.query('DROP TABLE "dispatch"."sla_policy_versions"');
    await q.query('DROP INDEX "dispatch"."sla_extensions_clock"');
    await q.query('DROP INDEX "dispatch"."sla_extensions_pending"');
    await q.query('DROP TABLE "dispatch"."sla_extensions"');
    await q.query('DROP INDEX "dispatch"."sla_clock_steps_clock"');
    await q.query('DROP TABLE "dispatch"."sla_clock_steps"');
    await q.query('DROP INDEX "dispatch"."sla_clocks_subject"');
    await q.query('DROP INDEX "dispatch"."sla_clocks_case"');
    await q.query('DROP INDEX "dispatch"."sla_clocks_agency_open"');
    await q.query('DROP INDEX "dispatch"."sla_clocks_next_fire"');
    await q.query('DROP INDEX "dispatch"."sla_clocks_due_running"');
    await q.query('DROP TABLE "dispatch"."sla_clocks"');
    await q.query('DROP TABLE "dispatch"."working_hours"');
    await q.query('DROP INDEX "dispatch"."calendar_overrides_year"');
    await q.query('DROP TABLE "dispatch"."calendar_overrides"');
  }
}
