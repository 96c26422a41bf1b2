import type { MigrationInterface, QueryRunner } from 'typeorm';

// Every agency service runs this in its own schema.
const schemaOf = (q: QueryRunner) => q.connection.driver.schema ?? 'public';

/**
 * 调解协议书: agreements with their parties (ID and phone numbers only encrypted, masked, hashed),
 * terms and performance records, the per-agency yearly number counter, and the documents kept with
 * a case (encrypted at rest).
 */
export class KitAgreements1795480514029 implements MigrationInterface {
  name = 'KitAgreements1795480514029';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(
      `CREATE TABLE "${s}"."kept_documents" ("id" uuid NOT NULL, "agency_id" uuid NOT NULL, "referral_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "filename" character varying(200) NOT NULL, "content_type" character varying(100) NOT NULL, "content_encrypted" bytea NOT NULL, "sha256" character(64) NOT NULL, "bytes" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_by_id" character varying(64) NOT NULL, CONSTRAINT "PK_be7357f47d9280b74605981c43f" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "kept_documents_referral" ON "${s}"."kept_documents"  ("referral_id", "kind") `,
    );
    await q.query(
      `CREATE TABLE "${s}"."agreements" ("id" uuid NOT NULL, "referral_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "case_id" uuid NOT NULL, "number" character varying(60) NOT NULL, "year" smallint NOT NULL, "sequence" integer NOT NULL, "status" character varying(8) NOT NULL, "issuer_name" character varying(200) NOT NULL, "facts" text NOT NULL, "performance_time" character varying(200) NOT NULL, "performance_method" character varying(500) NOT NULL, "mediator_names" character varying(50) array NOT NULL, "other_matters" text, "drafted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "drafted_by_id" character varying(64) NOT NULL, "drafted_by_name" character varying(100) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "signed_at" TIMESTAMP WITH TIME ZONE, "signed_by_id" character varying(64), "signed_by_name" character varying(100), "document_id" uuid, "version" integer NOT NULL, CONSTRAINT "PK_01532f6c999d44c776e3d1fa4c8" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "agreements_agency_status_signed" ON "${s}"."agreements"  ("agency_id", "status", "signed_at") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "agreements_agency_number" ON "${s}"."agreements"  ("agency_id", "number") `,
    );
    await q.query(`CREATE UNIQUE INDEX "agreements_referral" ON "${s}"."agreements"  ("referral_id") `);
    await q.query(
      `CREATE TABLE "${s}"."agreement_parties" ("agreement_id" uuid NOT NULL, "position" smallint NOT NULL, "name" character varying(100) NOT NULL, "role" character varying(16) NOT NULL, "kind" character varying(16) NOT NULL, "id_number_encrypted" text, "id_number_masked" character varying(18), "id_number_hash" character(64), "phone_encrypted" text, "phone_masked" character varying(16), "address" character varying(200), "signed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f29c69701ad51f6f0654d1c8e90" PRIMARY KEY ("agreement_id", "position"))`,
    );
    await q.query(
      `CREATE INDEX "agreement_parties_id_number_hash" ON "${s}"."agreement_parties"  ("id_number_hash") `,
    );
    await q.query(
      `CREATE TABLE "${s}"."agreement_terms" ("agreement_id" uuid NOT NULL, "term_no" smallint NOT NULL, "content" text NOT NULL, "perform_by" date, "method" character varying(200), "performance_status" character varying(20) NOT NULL DEFAULT 'pending', "performance_recorded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_db7edeaf0916afcf65527c14459" PRIMARY KEY ("agreement_id", "term_no"))`,
    );
    await q.query(
      `CREATE TABLE "${s}"."agreement_performance_records" ("id" uuid NOT NULL, "agreement_id" uuid NOT NULL, "term_no" smallint NOT NULL, "status" character varying(20) NOT NULL, "note" text NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_by_id" character varying(64) NOT NULL, "recorded_by_name" character varying(100) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1ebca961f62a922173b57cced16" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "agreement_performance_records_term" ON "${s}"."agreement_performance_records"  ("agreement_id", "term_no", "recorded_at") `,
    );
    await q.query(
      `CREATE TABLE "${s}"."agreement_counters" ("agency_id" uuid NOT NULL, "year" smallint NOT NULL, "last_sequence" integer NOT NULL, CONSTRAINT "PK_39df46035d93d907d5db08de4b2" PRIMARY KEY ("agency_id", "year"))`,
    );
    await q.query(
      `ALTER TABLE "${s}"."agreement_parties" ADD CONSTRAINT "FK_4d0cf7ca4e34453f04cbf522871" FOREIGN KEY ("agreement_id") REFERENCES "${s}"."agreements"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "${s}"."agreement_terms" ADD CONSTRAINT "FK_4318fb39293ca1fc848399106a9" FOREIGN KEY ("agreement_id") REFERENCES "${s}"."agreements"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`ALTER TABLE "${s}"."agreement_terms" DROP CONSTRAINT "FK_4318fb39293ca1fc848399106a9"`);
    await q.query(`ALTER TABLE "${s}"."agreement_parties" DROP CONSTRAINT "FK_4d0cf7ca4e34453f04cbf522871"`);
    await q.query(`DROP TABLE "${s}"."agreement_counters"`);
    await q.query(`DROP INDEX "${s}"."agreement_performance_records_term"`);
    await q.query(`DROP TABLE "${s}"."agreement_performance_records"`);
    await q.query(`DROP TABLE "${s}"."agreement_terms"`);
    await q.query(`DROP INDEX "${s}"."agreement_parties_id_number_hash"`);
    await q.query(`DROP TABLE "${s}"."agreement_parties"`);
    await q.query(`DROP INDEX "${s}"."agreements_referral"`);
    await q.query(`DROP INDEX "${s}"."agreements_agency_number"`);
    await q.query(`DROP INDEX "${s}"."agreements_agency_status_signed"`);
    await q.query(`DROP TABLE "${s}"."agreements"`);
    await q.query(`DROP INDEX "${s}"."kept_documents_referral"`);
    await q.query(`DROP TABLE "${s}"."kept_documents"`);
  }
}
