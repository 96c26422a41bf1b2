import type { MigrationInterface, QueryRunner } from 'typeorm';

// Every agency service runs this in its own schema.
const schemaOf = (q: QueryRunner) => q.connection.driver.schema ?? 'public';

/** The columns the referral lifecycle adds, in the order the entity declares them. */
const COLUMNS: [name: string, type: string][] = [
  ['role', `character varying(8) NOT NULL DEFAULT 'lead'`],
  ['risk_level', `character varying(20) NOT NULL DEFAULT 'general'`],
  ['risk_rank', `smallint NOT NULL DEFAULT '0'`],
  ['violence_risk', 'boolean NOT NULL DEFAULT false'],
  ['ladder_level', 'smallint'],
  ['agreement_summary', 'text'],
  ['next_step', 'character varying(16)'],
  ['started_at', 'TIMESTAMP WITH TIME ZONE'],
  ['started_by_id', 'character varying(64)'],
  ['return_reason', 'character varying(32)'],
  ['return_note', 'text'],
  ['returned_at', 'TIMESTAMP WITH TIME ZONE'],
  ['returned_by_id', 'character varying(64)'],
  ['ruling', 'character varying(16)'],
  ['ruling_note', 'text'],
  ['ruled_at', 'TIMESTAMP WITH TIME ZONE'],
  ['transferred_at', 'TIMESTAMP WITH TIME ZONE'],
  ['transferred_to_referral_id', 'uuid'],
  ['transferred_to_agency_id', 'uuid'],
  ['transfer_reason', 'text'],
];

/**
 * The referral lifecycle in the agency inbox: 主办/协办, risk, 民转刑, ladder level from the issued
 * event; 开始办理, 退单 (with the coordinator's ruling), 转办 and the agreement or next step on 办结.
 * Existing rows get 主办, 一般 risk and no 民转刑 risk, as older events mean. The inbox order
 * (民转刑, risk, newest) gets an index per agency, with and without a status filter.
 */
export class KitReferralLifecycle1795469617690 implements MigrationInterface {
  name = 'KitReferralLifecycle1795469617690';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP INDEX "${s}"."referrals_agency_status_issued"`);
    for (const [name, type] of COLUMNS) {
      await q.query(`ALTER TABLE "${s}"."referrals" ADD "${name}" ${type}`);
    }
    await q.query(
      `CREATE INDEX "referrals_agency_status_priority" ON "${s}"."referrals"  ("agency_id", "status", "violence_risk", "risk_rank", "issued_at", "id") `,
    );
    await q.query(
      `CREATE INDEX "referrals_agency_priority" ON "${s}"."referrals"  ("agency_id", "violence_risk", "risk_rank", "issued_at", "id") `,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP INDEX "${s}"."referrals_agency_priority"`);
    await q.query(`DROP INDEX "${s}"."referrals_agency_status_priority"`);
    for (const [name] of [...COLUMNS].reverse()) {
      await q.query(`ALTER TABLE "${s}"."referrals" DROP COLUMN "${name}"`);
    }
    await q.query(
      `CREATE INDEX "referrals_agency_status_issued" ON "${s}"."referrals"  ("agency_id", "status", "issued_at") `,
    );
  }
}
