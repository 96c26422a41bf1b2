import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Idempotency-Key on registration: a retried POST /cases returns the case it made. */
export class CaseIdempotencyKey1795462370191 implements MigrationInterface {
  name = 'CaseIdempotencyKey1795462370191';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "dispatch"."cases" ADD "idempotency_key" character varying(100)');
    await q.query(
      'CREATE UNIQUE INDEX "cases_idempotency" ON "dispatch"."cases"  ("registered_by_id", "idempotency_key") WHERE idempotency_key IS NOT NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "dispatch"."cases_idempotency"');
    await q.query('ALTER TABLE "dispatch"."cases" DROP COLUMN "idempotency_key"');
  }
}
