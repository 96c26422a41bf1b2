import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The judicial office's own work: 司法确认 applications (at most one open per agreement), 法律援助转介,
 * and 指导监督 — the read model of the committees' work (committee_work, with the referral and
 * follow-up facts it counts once each) and the inspections with their rectifications.
 */
export class JudicialOffice1795480641943 implements MigrationInterface {
  name = 'JudicialOffice1795480641943';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "judicial_mediation"."judicial_confirmations" ("id" uuid NOT NULL, "agency_id" uuid NOT NULL, "referral_id" uuid NOT NULL, "case_id" uuid NOT NULL, "case_number" character varying(32) NOT NULL, "agreement_id" uuid NOT NULL, "agreement_number" character varying(60) NOT NULL, "agreement_signed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "deadline" date NOT NULL, "court" character varying(100) NOT NULL, "applicants" jsonb NOT NULL, "note" text, "status" character varying(16) NOT NULL, "document_id" uuid NOT NULL, "application_sha256" character(64) NOT NULL, "application_bytes" integer NOT NULL, "prepared_at" TIMESTAMP WITH TIME ZONE NOT NULL, "prepared_by_id" character varying(64) NOT NULL, "filed_at" TIMESTAMP WITH TIME ZONE, "court_case_number" character varying(60), "filed_recorded_by_id" character varying(64), "result" character varying(16), "decided_at" TIMESTAMP WITH TIME ZONE, "ruling_number" character varying(80), "reason" text, "decided_recorded_by_id" character varying(64), "version" integer NOT NULL, CONSTRAINT "PK_9a28ef937a1282ecdabb154de56" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "judicial_confirmations_referral" ON "judicial_mediation"."judicial_confirmations"  ("referral_id", "prepared_at")`,
    );
    await q.query(
      `CREATE INDEX "judicial_confirmations_office_prepared" ON "judicial_mediation"."judicial_confirmations"  ("agency_id", "prepared_at")`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "judicial_confirmations_open_per_agreement" ON "judicial_mediation"."judicial_confirmations"  ("agreement_id") WHERE status IN ('prepared', 'filed')`,
    );
    await q.query(
      `CREATE TABLE "judicial_mediation"."legal_aid_referrals" ("id" uuid NOT NULL, "agency_id" uuid NOT NULL, "referral_id" uuid NOT NULL, "case_id" uuid NOT NULL, "case_number" character varying(32) NOT NULL, "party_name" character varying(50) NOT NULL, "party_position" character varying(16), "reason" text NOT NULL, "economic_hardship" boolean NOT NULL, "matter" character varying(200) NOT NULL, "contact_phone_encrypted" text, "contact_phone_masked" character varying(20), "status" character varying(16) NOT NULL, "referred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "referred_by_id" character varying(64) NOT NULL, "answer_note" text, "answered_at" TIMESTAMP WITH TIME ZONE, "answered_by_id" character varying(64), "version" integer NOT NULL, CONSTRAINT "PK_f7623a870d708c7d52a812cc388" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "legal_aid_referrals_referral" ON "judicial_mediation"."legal_aid_referrals"  ("referral_id")`,
    );
    await q.query(
      `CREATE INDEX "legal_aid_referrals_office_referred" ON "judicial_mediation"."legal_aid_referrals"  ("agency_id", "referred_at")`,
    );
    await q.query(
      `CREATE TABLE "judicial_mediation"."committee_inspections" ("id" uuid NOT NULL, "agency_id" uuid NOT NULL, "committee_agency_id" uuid NOT NULL, "committee_name" character varying(200) NOT NULL, "inspected_at" TIMESTAMP WITH TIME ZONE NOT NULL, "findings" text NOT NULL, "rating" character varying(20) NOT NULL, "recorded_by_id" character varying(64) NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_6ae0ec86b02e4c90180f7eca8ea" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "committee_inspections_committee" ON "judicial_mediation"."committee_inspections"  ("committee_agency_id", "inspected_at")`,
    );
    await q.query(
      `CREATE INDEX "committee_inspections_office_inspected" ON "judicial_mediation"."committee_inspections"  ("agency_id", "inspected_at")`,
    );
    await q.query(
      `CREATE TABLE "judicial_mediation"."committee_rectifications" ("inspection_id" uuid NOT NULL, "n" smallint NOT NULL, "item" text NOT NULL, "due_by" date NOT NULL, "done_at" TIMESTAMP WITH TIME ZONE, "done_note" text, "done_by_id" character varying(64), CONSTRAINT "PK_6b7d49b5091fc9df3558fb62816" PRIMARY KEY ("inspection_id", "n"))`,
    );
    await q.query(
      `CREATE TABLE "judicial_mediation"."committee_work" ("committee_agency_id" uuid NOT NULL, "accepted" integer NOT NULL DEFAULT '0', "closed" integer NOT NULL DEFAULT '0', "resolved" integer NOT NULL DEFAULT '0', "failed" integer NOT NULL DEFAULT '0', "follow_ups" integer NOT NULL DEFAULT '0', "dissatisfied" integer NOT NULL DEFAULT '0', "rebounds" integer NOT NULL DEFAULT '0', "last_activity_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_312f1c8ee6f02861c2f6f71328a" PRIMARY KEY ("committee_agency_id"))`,
    );
    await q.query(
      `CREATE TABLE "judicial_mediation"."committee_referrals" ("referral_id" uuid NOT NULL, "committee_agency_id" uuid NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "outcome" character varying(16), "closed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_d43a105b95f15ef011b1a9542c6" PRIMARY KEY ("referral_id"))`,
    );
    await q.query(
      `CREATE INDEX "committee_referrals_committee" ON "judicial_mediation"."committee_referrals"  ("committee_agency_id")`,
    );
    await q.query(
      `CREATE TABLE "judicial_mediation"."committee_follow_ups" ("follow_up_id" uuid NOT NULL, "committee_agency_id" uuid NOT NULL, "referral_id" uuid NOT NULL, "satisfaction" character varying(24) NOT NULL, "rebound" boolean NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_96c1b647da2d56e5436828dad7c" PRIMARY KEY ("follow_up_id"))`,
    );
    await q.query(
      `CREATE INDEX "committee_follow_ups_committee" ON "judicial_mediation"."committee_follow_ups"  ("committee_agency_id")`,
    );
    await q.query(
      `ALTER TABLE "judicial_mediation"."committee_rectifications" ADD CONSTRAINT "FK_d09994decde3892ef2f35dfa05c" FOREIGN KEY ("inspection_id") REFERENCES "judicial_mediation"."committee_inspections"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "judicial_mediation"."committee_rectifications" DROP CONSTRAINT "FK_d09994decde3892ef2f35dfa05c"`,
    );
    await q.query(`DROP INDEX "judicial_mediation"."committee_follow_ups_committee"`);
    await q.query(`DROP TABLE "judicial_mediation"."committee_follow_ups"`);
    await q.query(`DROP INDEX "judicial_mediation"."committee_referrals_committee"`);
    await q.query(`DROP TABLE "judicial_mediation"."committee_referrals"`);
    await q.query(`DROP TABLE "judicial_mediation"."committee_work"`);
    await q.query(`DROP TABLE "judicial_mediation"."committee_rectifications"`);
    await q.query(`DROP INDEX "judicial_mediation"."committee_inspections_office_inspected"`);
    await q.query(`DROP INDEX "judicial_mediation"."committee_inspections_committee"`);
    await q.query(`DROP TABLE "judicial_mediation"."committee_inspections"`);
    await q.query(`DROP INDEX "judicial_mediation"."legal_aid_referrals_office_referred"`);
    await q.query(`DROP INDEX "judicial_mediation"."legal_aid_referrals_referral"`);
    await q.query(`DROP TABLE "judicial_mediation"."legal_aid_referrals"`);
    await q.query(`DROP INDEX "judicial_mediation"."judicial_confirmations_open_per_agreement"`);
    await q.query(`DROP INDEX "judicial_mediation"."judicial_confirmations_office_prepared"`);
    await q.query(`DROP INDEX "judicial_mediation"."judicial_confirmations_referral"`);
    await q.query(`DROP TABLE "judicial_mediation"."judicial_confirmations"`);
  }
}
