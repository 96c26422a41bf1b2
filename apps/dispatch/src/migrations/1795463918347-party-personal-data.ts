import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Parties' ID and phone numbers: ciphertext, keyed lookup hash and masked form; never the clear value. */
export class PartyPersonalData1795463918347 implements MigrationInterface {
  name = 'PartyPersonalData1795463918347';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE "dispatch"."case_parties" ADD "id_number_cipher" text');
    await q.query('ALTER TABLE "dispatch"."case_parties" ADD "id_number_hash" character(64)');
    await q.query('ALTER TABLE "dispatch"."case_parties" ADD "id_number_masked" character varying(18)');
    await q.query('ALTER TABLE "dispatch"."case_parties" ADD "phone_cipher" text');
    await q.query('ALTER TABLE "dispatch"."case_parties" ADD "phone_hash" character(64)');
    await q.query('ALTER TABLE "dispatch"."case_parties" ADD "phone_masked" character varying(16)');
    await q.query(
      'CREATE INDEX "IDX_cf4f73652a1507c2e2cda18259" ON "dispatch"."case_parties"  ("id_number_hash") ',
    );
    await q.query(
      'CREATE INDEX "IDX_76aeae46ce9aff1a18b3b02184" ON "dispatch"."case_parties"  ("phone_hash") ',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "dispatch"."IDX_76aeae46ce9aff1a18b3b02184"');
    await q.query('DROP INDEX "dispatch"."IDX_cf4f73652a1507c2e2cda18259"');
    await q.query('ALTER TABLE "dispatch"."case_parties" DROP COLUMN "phone_masked"');
    await q.query('ALTER TABLE "dispatch"."case_parties" DROP COLUMN "phone_hash"');
    await q.query('ALTER TABLE "dispatch"."case_parties" DROP COLUMN "phone_cipher"');
    await q.query('ALTER TABLE "dispatch"."case_parties" DROP COLUMN "id_number_masked"');
    await q.query('ALTER TABLE "dispatch"."case_parties" DROP COLUMN "id_number_hash"');
    await q.query('ALTER TABLE "dispatch"."case_parties" DROP COLUMN "id_number_cipher"');
  }
}
