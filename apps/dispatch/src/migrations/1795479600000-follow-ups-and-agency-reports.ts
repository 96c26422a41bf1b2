import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 反弹重开: a case's rebound flag and the link from a reopening referral to the settlement it reopens. */
export class FollowUpsAndAgencyReports1795479600000 implements MigrationInterface {
  name = 'FollowUpsAndAgencyReports1795479600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "dispatch"."cases" ADD "rebound" boolean NOT NULL DEFAULT false');
    await q.query('ALTER TABLE "dispatch"."referrals" ADD "reopened_from_referral_id" uuid');
    await q.query(
      'CREATE INDEX "referrals_reopened_from" ON "dispatch"."referrals" ("reopened_from_referral_id") WHERE reopened_from_referral_id IS NOT NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "dispatch"."referrals_reopened_from"');
    await q.query('ALTER TABLE "dispatch"."referrals" DROP COLUMN "reopened_from_referral_id"');
    await q.query('ALTER TABLE "dispatch"."cases" DROP COLUMN "rebound"');
  }
}
