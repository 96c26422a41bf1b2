import type { MigrationInterface, QueryRunner } from 'typeorm';

// Every agency service runs this in its own schema.
const schemaOf = (q: QueryRunner) => q.connection.driver.schema ?? 'public';

/** Mediators (专职/兼职, 警务助理, lawyers, 五老乡贤) and the referral's mediator in charge. */
export class KitMediators1795479533734 implements MigrationInterface {
  name = 'KitMediators1795479533734';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(
      `CREATE TABLE "${s}"."mediators" ("id" uuid NOT NULL, "agency_id" uuid NOT NULL, "user_id" character varying(64), "name" character varying(50) NOT NULL, "category" character varying(20) NOT NULL, "specialties" character varying(40) array NOT NULL DEFAULT '{}', "gold" boolean NOT NULL DEFAULT false, "on_duty" boolean NOT NULL DEFAULT true, "phone_encrypted" text, "phone_masked" character varying(20), "introduction" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_eaebca7459f606fe0429f3f6798" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "mediators_agency_user" ON "${s}"."mediators"  ("agency_id", "user_id") WHERE user_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX "mediators_agency_name" ON "${s}"."mediators"  ("agency_id", "name") `);
    await q.query(`ALTER TABLE "${s}"."referrals" ADD "mediator_id" uuid`);
    await q.query(`CREATE INDEX "referrals_mediator_status" ON "${s}"."referrals"  ("mediator_id") `);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP INDEX "${s}"."referrals_mediator_status"`);
    await q.query(`ALTER TABLE "${s}"."referrals" DROP COLUMN "mediator_id"`);
    await q.query(`DROP INDEX "${s}"."mediators_agency_name"`);
    await q.query(`DROP INDEX "${s}"."mediators_agency_user"`);
    await q.query(`DROP TABLE "${s}"."mediators"`);
  }
}
