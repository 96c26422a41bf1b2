import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 吹哨—响应—支援 and 联席调: whistles with their summoned units (报到 deadline and response time per
 * unit; a partial index serves the 督办 list of overdue check-ins), joint conferences with their
 * participants and tasks. Foreign keys to cases and agencies; case scope reads summons and tasks by
 * (unit, case).
 */
export class WhistlesConferences1795470100000 implements MigrationInterface {
  name = 'WhistlesConferences1795470100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "dispatch"."whistles" ("id" uuid NOT NULL, "case_id" uuid NOT NULL, "urgency" character varying(8) NOT NULL, "reason" text NOT NULL, "status" character varying(8) NOT NULL, "raised_by_id" character varying(64) NOT NULL, "raised_by_name" character varying(100) NOT NULL, "raised_by_role" character varying(32) NOT NULL, "raised_by_unit_id" uuid, "blown_at" TIMESTAMP WITH TIME ZONE NOT NULL, "respond_by" TIMESTAMP WITH TIME ZONE NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE, "closed_by_id" character varying(64), "closed_by_name" character varying(100), "closing_note" text, CONSTRAINT "PK_707261aa570f63fccad2186667d" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE INDEX "whistles_raised_by_unit" ON "dispatch"."whistles"  ("raised_by_unit_id") WHERE raised_by_unit_id IS NOT NULL',
    );
    await q.query('CREATE INDEX "whistles_status_blown" ON "dispatch"."whistles"  ("status", "blown_at") ');
    await q.query('CREATE INDEX "whistles_case" ON "dispatch"."whistles"  ("case_id", "blown_at") ');
    await q.query(
      'CREATE TABLE "dispatch"."whistle_summons" ("whistle_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "case_id" uuid NOT NULL, "position" smallint NOT NULL, "status" character varying(12) NOT NULL, "respond_by" TIMESTAMP WITH TIME ZONE NOT NULL, "responded_at" TIMESTAMP WITH TIME ZONE, "responded_by_id" character varying(64), "responded_by_name" character varying(100), "response_seconds" integer, "late" boolean, "response_note" text, "support_report" text, "supported_at" TIMESTAMP WITH TIME ZONE, "supported_by_id" character varying(64), "supported_by_name" character varying(100), CONSTRAINT "PK_a5623732976bea584cfeefa073f" PRIMARY KEY ("whistle_id", "unit_id"))',
    );
    await q.query(
      'CREATE INDEX "whistle_summons_unanswered" ON "dispatch"."whistle_summons"  ("respond_by") WHERE status = \'summoned\'',
    );
    await q.query(
      'CREATE INDEX "whistle_summons_unit_case" ON "dispatch"."whistle_summons"  ("unit_id", "case_id") ',
    );
    await q.query(
      'CREATE TABLE "dispatch"."conferences" ("id" uuid NOT NULL, "case_id" uuid NOT NULL, "ladder_code" character varying(24) NOT NULL, "ladder_level" smallint NOT NULL, "status" character varying(12) NOT NULL, "scheduled_for" TIMESTAMP WITH TIME ZONE NOT NULL, "place" character varying(200) NOT NULL, "scheduled_at" TIMESTAMP WITH TIME ZONE NOT NULL, "scheduled_by_id" character varying(64) NOT NULL, "scheduled_by_name" character varying(100) NOT NULL, "minutes" text, "held_at" TIMESTAMP WITH TIME ZONE, "minutes_recorded_by_id" character varying(64), "minutes_recorded_by_name" character varying(100), "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_d28afb89755d548215ce4e7667b" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE INDEX "conferences_status_scheduled" ON "dispatch"."conferences"  ("status", "scheduled_for") ',
    );
    await q.query(
      'CREATE INDEX "conferences_case" ON "dispatch"."conferences"  ("case_id", "scheduled_at") ',
    );
    await q.query(
      'CREATE TABLE "dispatch"."conference_participants" ("conference_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "position" smallint NOT NULL, CONSTRAINT "PK_3ba6205845cffdc01b200395590" PRIMARY KEY ("conference_id", "unit_id"))',
    );
    await q.query(
      'CREATE INDEX "conference_participants_unit" ON "dispatch"."conference_participants"  ("unit_id") ',
    );
    await q.query(
      'CREATE TABLE "dispatch"."conference_tasks" ("id" uuid NOT NULL, "conference_id" uuid NOT NULL, "case_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "description" text NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" character varying(8) NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "issued_by_id" character varying(64) NOT NULL, "issued_by_name" character varying(100) NOT NULL, "result" text, "closed_at" TIMESTAMP WITH TIME ZONE, "closed_by_id" character varying(64), "closed_by_name" character varying(100), CONSTRAINT "PK_6acf78cef05d36bb9a95b753ab2" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE INDEX "conference_tasks_case_unit" ON "dispatch"."conference_tasks"  ("case_id", "unit_id") ',
    );
    await q.query(
      'CREATE INDEX "conference_tasks_unit_status" ON "dispatch"."conference_tasks"  ("unit_id", "status", "due_at") ',
    );
    await q.query(
      'CREATE INDEX "conference_tasks_conference" ON "dispatch"."conference_tasks"  ("conference_id", "issued_at") ',
    );
    await q.query(
      'ALTER TABLE "dispatch"."whistles" ADD CONSTRAINT "FK_c379069bbacf7ffcb5837b13ef4" FOREIGN KEY ("case_id") REFERENCES "dispatch"."cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "dispatch"."whistles" ADD CONSTRAINT "FK_75bb5b85bd767ece0ce538ed325" FOREIGN KEY ("raised_by_unit_id") REFERENCES "dispatch"."agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "dispatch"."whistle_summons" ADD CONSTRAINT "FK_d8cc7c7c270fcf3b420f30578ec" FOREIGN KEY ("whistle_id") REFERENCES "dispatch"."whistles"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "dispatch"."whistle_summons" ADD CONSTRAINT "FK_bed9e1c52e4a99291b0d874f1d7" FOREIGN KEY ("unit_id") REFERENCES "dispatch"."agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "dispatch"."whistle_summons" ADD CONSTRAINT "FK_e6969c63b260d999bec6db39cae" FOREIGN KEY ("case_id") REFERENCES "dispatch"."cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "dispatch"."conferences" ADD CONSTRAINT "FK_f4d9c0c3a11feca999a477d3338" FOREIGN KEY ("case_id") REFERENCES "dispatch"."cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "dispatch"."conference_participants" ADD CONSTRAINT "FK_15d168e0d082ef365f7333551fe" FOREIGN KEY ("conference_id") REFERENCES "dispatch"."conferences"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "dispatch"."conference_participants" ADD CONSTRAINT "FK_8e0f9289786626daabb71e3dab3" FOREIGN KEY ("unit_id") REFERENCES "dispatch"."agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "dispatch"."conference_tasks" ADD CONSTRAINT "FK_ed28f4c9b92dda176c352bd6348" FOREIGN KEY ("conference_id") REFERENCES "dispatch"."conferences"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "dispatch"."conference_tasks" ADD CONSTRAINT "FK_8ea039d8014a8773248745cffaf" FOREIGN KEY ("case_id") REFERENCES "dispatch"."cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "dispatch"."conference_tasks" ADD CONSTRAINT "FK_70fbd9304aa7634ea694fdca48c" FOREIGN KEY ("unit_id") REFERENCES "dispatch"."agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE "dispatch"."conference_tasks" DROP CONSTRAINT "FK_70fbd9304aa7634ea694fdca48c"',
    );
    await q.query(
      'ALTER TABLE "dispatch"."conference_tasks" DROP CONSTRAINT "FK_8ea039d8014a8773248745cffaf"',
    );
    await q.query(
      'ALTER TABLE "dispatch"."conference_tasks" DROP CONSTRAINT "FK_ed28f4c9b92dda176c352bd6348"',
    );
    await q.query(
      'ALTER TABLE "dispatch"."conference_participants" DROP CONSTRAINT "FK_8e0f9289786626daabb71e3dab3"',
    );
    await q.query(
      'ALTER TABLE "dispatch"."conference_participants" DROP CONSTRAINT "FK_15d168e0d082ef365f7333551fe"',
    );
    await q.query('ALTER TABLE "dispatch"."conferences" DROP CONSTRAINT "FK_f4d9c0c3a11feca999a477d3338"');
    await q.query(
      'ALTER TABLE "dispatch"."whistle_summons" DROP CONSTRAINT "FK_e6969c63b260d999bec6db39cae"',
    );
    await q.query(
      'ALTER TABLE "dispatch"."whistle_summons" DROP CONSTRAINT "FK_bed9e1c52e4a99291b0d874f1d7"',
    );
    await q.query(
      'ALTER TABLE "dispatch"."whistle_summons" DROP CONSTRAINT "FK_d8cc7c7c270fcf3b420f30578ec"',
    );
    await q.query('ALTER TABLE "dispatch"."whistles" DROP CONSTRAINT "FK_75bb5b85bd767ece0ce538ed325"');
    await q.query('ALTER TABLE "dispatch"."whistles" DROP CONSTRAINT "FK_c379069bbacf7ffcb5837b13ef4"');
    await q.query('DROP INDEX "dispatch"."conference_tasks_conference"');
    await q.query('DROP INDEX "dispatch"."conference_tasks_unit_status"');
    await q.query('DROP INDEX "dispatch"."conference_tasks_case_unit"');
    await q.query('DROP TABLE "dispatch"."conference_tasks"');
    await q.query('DROP INDEX "dispatch"."conference_participants_unit"');
    await q.query('DROP TABLE "dispatch"."conference_participants"');
    await q.query('DROP INDEX "dispatch"."conferences_case"');
    await q.query('DROP INDEX "dispatch"."conferences_status_scheduled"');
    await q.query('DROP TABLE "dispatch"."conferences"');
    await q.query('DROP INDEX "dispatch"."whistle_summons_unit_case"');
    await q.query('DROP INDEX "dispatch"."whistle_summons_unanswered"');
    await q.query('DROP TABLE "dispatch"."whistle_summons"');
    await q.query('DROP INDEX "dispatch"."whistles_case"');
    await q.query('DROP INDEX "dispatch"."whistles_status_blown"');
    await q.query('DROP INDEX "dispatch"."whistles_raised_by_unit"');
    await q.query('DROP TABLE "dispatch"."whistles"');
  }
}
