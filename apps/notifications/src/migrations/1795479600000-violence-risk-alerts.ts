import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 民转刑风险预警: deliveries of a kind other than an SLA clock's, and the case numbers alerts name. */
export class ViolenceRiskAlerts1795479600000 implements MigrationInterface {
  name = 'ViolenceRiskAlerts1795479600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "notifications"."known_cases" ("case_id" uuid NOT NULL, "case_number" character varying(40) NOT NULL, "jurisdiction_code" character varying(12) NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_fb7fca7acb3750b5dc67727d2b2" PRIMARY KEY ("case_id"))',
    );
    await q.query(
      'ALTER TABLE "notifications"."deliveries" ADD "kind" character varying(16) NOT NULL DEFAULT \'sla\'',
    );
    await q.query('ALTER TABLE "notifications"."deliveries" ALTER COLUMN "clock_id" DROP NOT NULL');
    await q.query('ALTER TABLE "notifications"."deliveries" ALTER COLUMN "clock_kind" DROP NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM "notifications"."deliveries" WHERE "clock_id" IS NULL');
    await q.query('ALTER TABLE "notifications"."deliveries" ALTER COLUMN "clock_kind" SET NOT NULL');
    await q.query('ALTER TABLE "notifications"."deliveries" ALTER COLUMN "clock_id" SET NOT NULL');
    await q.query('ALTER TABLE "notifications"."deliveries" DROP COLUMN "kind"');
    await q.query('DROP TABLE "notifications"."known_cases"');
  }
}
