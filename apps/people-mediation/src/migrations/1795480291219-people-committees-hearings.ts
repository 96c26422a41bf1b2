import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Committee profiles (人民调解委员会 of each kind) and 听证调 hearings on referrals. */
export class PeopleCommitteesHearings1795480291219 implements MigrationInterface {
  name = 'PeopleCommitteesHearings1795480291219';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "people_mediation"."committee_profiles" ("agency_id" uuid NOT NULL, "committee_kind" character varying(20) NOT NULL, "name" character varying(200) NOT NULL, "jurisdiction_code" character varying(12) NOT NULL, "established_on" date NOT NULL, "director_name" character varying(50) NOT NULL, "members_count" integer NOT NULL, "stationed_at_kind" character varying(20), "stationed_at_agency_id" uuid, "stationed_at_note" character varying(200), "dispute_types" character varying(40) array NOT NULL DEFAULT \'{}\', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by_id" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_07a6f305b322a5bf7cd0433157c" PRIMARY KEY ("agency_id"))',
    );
    await q.query(
      'CREATE INDEX "committee_profiles_kind_jurisdiction" ON "people_mediation"."committee_profiles"  ("committee_kind", "jurisdiction_code") ',
    );
    await q.query(
      'CREATE TABLE "people_mediation"."hearings" ("id" uuid NOT NULL, "referral_id" uuid NOT NULL, "case_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "sequence" smallint NOT NULL, "status" character varying(10) NOT NULL, "scheduled_for" TIMESTAMP WITH TIME ZONE NOT NULL, "place" character varying(200) NOT NULL, "chair_name" character varying(50) NOT NULL, "chair_role" character varying(24) NOT NULL, "participants" jsonb NOT NULL, "scheduled_at" TIMESTAMP WITH TIME ZONE NOT NULL, "scheduled_by_id" character varying(64) NOT NULL, "held_at" TIMESTAMP WITH TIME ZONE, "statements" jsonb, "debate" text, "finding" text, "result" character varying(16), "recorded_at" TIMESTAMP WITH TIME ZONE, "recorded_by_id" character varying(64), "version" integer NOT NULL, CONSTRAINT "PK_79d1a17d4ddd70a11c44bf3b42c" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE UNIQUE INDEX "hearings_referral_sequence" ON "people_mediation"."hearings"  ("referral_id", "sequence") ',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "people_mediation"."hearings_referral_sequence"');
    await q.query('DROP TABLE "people_mediation"."hearings"');
    await q.query('DROP INDEX "people_mediation"."committee_profiles_kind_jurisdiction"');
    await q.query('DROP TABLE "people_mediation"."committee_profiles"');
  }
}
