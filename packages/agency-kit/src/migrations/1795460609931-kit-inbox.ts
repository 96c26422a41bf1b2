import type { MigrationInterface, QueryRunner } from 'typeorm';

// Every agency service runs this in its own schema.
const schemaOf = (q: QueryRunner) => q.connection.driver.schema ?? 'public';

/** The agency inbox (referrals) with the outbox and inbox tables. */
export class KitInbox1795460609931 implements MigrationInterface {
  name = 'KitInbox1795460609931';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(
      `CREATE TABLE "${s}"."outbox" ("seq" BIGSERIAL NOT NULL, "message_id" uuid NOT NULL, "subject" character varying(200) NOT NULL, "payload" jsonb NOT NULL, "headers" jsonb NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_2f36ee5236f2793f3e7bd554589" UNIQUE ("message_id"), CONSTRAINT "PK_acf0725c6a7245b71c651964ee4" PRIMARY KEY ("seq"))`,
    );
    await q.query(`CREATE INDEX "outbox_unpublished" ON "${s}"."outbox"  ("seq") WHERE published_at IS NULL`);
    await q.query(
      `CREATE TABLE "${s}"."inbox" ("consumer" character varying(100) NOT NULL, "message_id" character varying(100) NOT NULL, "subject" character varying(200) NOT NULL, "handled_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8902b2c18e35f1ba5a650a69c2f" PRIMARY KEY ("consumer", "message_id"))`,
    );
    await q.query(
      `CREATE TABLE "${s}"."referrals" ("id" uuid NOT NULL, "case_id" uuid NOT NULL, "case_number" character varying(32) NOT NULL, "case_title" character varying(200) NOT NULL, "dispute_type" character varying(40) NOT NULL, "jurisdiction_code" character varying(12) NOT NULL, "agency_id" uuid NOT NULL, "status" character varying(16) NOT NULL, "issue_note" text, "outcome" character varying(16), "closing_note" text, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "accepted_at" TIMESTAMP WITH TIME ZONE, "accepted_by_id" character varying(64), "closed_at" TIMESTAMP WITH TIME ZONE, "closed_by_id" character varying(64), "version" integer NOT NULL, CONSTRAINT "PK_ea9980e34f738b6252817326c08" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "referrals_agency_status_issued" ON "${s}"."referrals"  ("agency_id", "status", "issued_at") `,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP INDEX "${s}"."referrals_agency_status_issued"`);
    await q.query(`DROP TABLE "${s}"."referrals"`);
    await q.query(`DROP TABLE "${s}"."inbox"`);
    await q.query(`DROP INDEX "${s}"."outbox_unpublished"`);
    await q.query(`DROP TABLE "${s}"."outbox"`);
  }
}
