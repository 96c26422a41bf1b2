import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The station's own work: 当场调处 records and their parties (personal data encrypted), 110 incident
 * links, 民转刑 risk assessments, stationed committees and 警调对接 hand-offs.
 */
export class PoliceOwnWork1795480479989 implements MigrationInterface {
  name = 'PoliceOwnWork1795480479989';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "police_mediation"."hand_offs" ("id" uuid NOT NULL, "referral_id" uuid NOT NULL, "case_id" uuid NOT NULL, "from_agency_id" uuid NOT NULL, "to_agency_id" uuid NOT NULL, "to_agency_name" character varying(200) NOT NULL, "reason" text NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "requested_by_id" character varying(64) NOT NULL, "requested_by_name" character varying(100) NOT NULL, CONSTRAINT "PK_73038bf8d8d4cff5fd0b913a72a" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE UNIQUE INDEX "hand_offs_referral" ON "police_mediation"."hand_offs"  ("referral_id") ',
    );
    await q.query(
      'CREATE TABLE "police_mediation"."stationed_committees" ("station_agency_id" uuid NOT NULL, "committee_agency_id" uuid NOT NULL, "committee_name" character varying(200) NOT NULL, "set_at" TIMESTAMP WITH TIME ZONE NOT NULL, "set_by_id" character varying(64) NOT NULL, "set_by_name" character varying(100) NOT NULL, CONSTRAINT "PK_d6a9be5a9fbf5554e2621d920b7" PRIMARY KEY ("station_agency_id"))',
    );
    await q.query(
      'CREATE TABLE "police_mediation"."incident_links" ("incident_number" character varying(40) NOT NULL, "case_id" uuid, "agency_id" uuid NOT NULL, "referral_id" uuid, "on_the_spot_record_id" uuid, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "linked_at" TIMESTAMP WITH TIME ZONE NOT NULL, "linked_by_id" character varying(64) NOT NULL, "linked_by_name" character varying(100) NOT NULL, CONSTRAINT "PK_3408ef6406bd6cfa10a338affc0" PRIMARY KEY ("incident_number"))',
    );
    await q.query('CREATE INDEX "incident_links_case" ON "police_mediation"."incident_links"  ("case_id") ');
    await q.query(
      'CREATE TABLE "police_mediation"."on_the_spot_mediations" ("id" uuid NOT NULL, "agency_id" uuid NOT NULL, "idempotency_key" character varying(100), "status" character varying(16) NOT NULL, "case_id" uuid, "case_number" character varying(32), "incident_number" character varying(40), "channel" character varying(16) NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "place" character varying(300) NOT NULL, "jurisdiction_code" character varying(12) NOT NULL, "dispute_type" character varying(40) NOT NULL, "title" character varying(200) NOT NULL, "summary" text NOT NULL, "risk_level" character varying(20) NOT NULL, "violence_risk" boolean NOT NULL, "outcome" character varying(16) NOT NULL, "agreement_summary" text, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_by_id" character varying(64) NOT NULL, "recorded_by_name" character varying(100) NOT NULL, "recorded_by_role" character varying(32) NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL, CONSTRAINT "PK_5553db6d92ec860303acd3208d4" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE UNIQUE INDEX "on_the_spot_agency_idempotency_key" ON "police_mediation"."on_the_spot_mediations"  ("agency_id", "idempotency_key") WHERE idempotency_key IS NOT NULL',
    );
    await q.query(
      'CREATE INDEX "on_the_spot_agency_incident" ON "police_mediation"."on_the_spot_mediations"  ("agency_id", "incident_number") ',
    );
    await q.query(
      'CREATE INDEX "on_the_spot_agency_occurred" ON "police_mediation"."on_the_spot_mediations"  ("agency_id", "occurred_at", "id") ',
    );
    await q.query(
      'CREATE TABLE "police_mediation"."on_the_spot_parties" ("record_id" uuid NOT NULL, "position" smallint NOT NULL, "kind" character varying(16) NOT NULL, "role" character varying(16) NOT NULL, "name" character varying(100) NOT NULL, "id_number_encrypted" text, "id_number_masked" character varying(40), "phone_encrypted" text, "phone_masked" character varying(20), CONSTRAINT "PK_21a7d5e5393fdc5b89e3752a453" PRIMARY KEY ("record_id", "position"))',
    );
    await q.query(
      'CREATE TABLE "police_mediation"."violence_risk_assessments" ("id" uuid NOT NULL, "referral_id" uuid NOT NULL, "case_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "factors" character varying(40) array NOT NULL, "score" smallint NOT NULL, "grade" character varying(8) NOT NULL, "violence_risk" boolean NOT NULL, "raises_risk_to" character varying(20), "note" text NOT NULL, "assessed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "assessed_by_id" character varying(64) NOT NULL, "assessed_by_name" character varying(100) NOT NULL, CONSTRAINT "PK_28f62a1225bb0d803f216cc206f" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE INDEX "violence_risk_assessments_referral" ON "police_mediation"."violence_risk_assessments"  ("referral_id", "assessed_at") ',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "police_mediation"."violence_risk_assessments_referral"');
    await q.query('DROP TABLE "police_mediation"."violence_risk_assessments"');
    await q.query('DROP TABLE "police_mediation"."on_the_spot_parties"');
    await q.query('DROP INDEX "police_mediation"."on_the_spot_agency_occurred"');
    await q.query('DROP INDEX "police_mediation"."on_the_spot_agency_incident"');
    await q.query('DROP INDEX "police_mediation"."on_the_spot_agency_idempotency_key"');
    await q.query('DROP TABLE "police_mediation"."on_the_spot_mediations"');
    await q.query('DROP INDEX "police_mediation"."incident_links_case"');
    await q.query('DROP TABLE "police_mediation"."incident_links"');
    await q.query('DROP TABLE "police_mediation"."stationed_committees"');
    await q.query('DROP INDEX "police_mediation"."hand_offs_referral"');
    await q.query('DROP TABLE "police_mediation"."hand_offs"');
  }
}
