import type { MigrationInterface, QueryRunner } from 'typeorm';

// Every agency service runs this in its own schema.
const schemaOf = (q: QueryRunner) => q.connection.driver.schema ?? 'public';

/**
 * 调解记录 (mediation sessions, numbered per referral) and 一事一回访 (one follow-up per referral,
 * listed per agency by status and due date).
 */
export class KitMediationWork1795480455392 implements MigrationInterface {
  name = 'KitMediationWork1795480455392';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(
      `CREATE TABLE "${s}"."follow_ups" ("id" uuid NOT NULL, "referral_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "status" character varying(12) NOT NULL, "method" character varying(8) NOT NULL, "scheduled_for" TIMESTAMP WITH TIME ZONE NOT NULL, "scheduled_at" TIMESTAMP WITH TIME ZONE NOT NULL, "scheduled_by_id" character varying(64) NOT NULL, "assignee_mediator_id" uuid, "satisfaction" character varying(24), "rebound" boolean, "note" text, "contacted_party_positions" smallint array, "recorded_at" TIMESTAMP WITH TIME ZONE, "recorded_by_id" character varying(64), "recorded_by_name" character varying(100), "version" integer NOT NULL, CONSTRAINT "PK_d510aabdff2ec7fdc67a1092157" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "follow_ups_agency_status_due" ON "${s}"."follow_ups"  ("agency_id", "status", "scheduled_for") `,
    );
    await q.query(`CREATE UNIQUE INDEX "follow_ups_referral" ON "${s}"."follow_ups"  ("referral_id") `);
    await q.query(
      `CREATE TABLE "${s}"."mediation_sessions" ("id" uuid NOT NULL, "referral_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "sequence" smallint NOT NULL, "held_at" TIMESTAMP WITH TIME ZONE NOT NULL, "place" character varying(200) NOT NULL, "mediators" jsonb NOT NULL, "participants" jsonb NOT NULL, "summary" text NOT NULL, "result" character varying(16) NOT NULL, "next_session_at" TIMESTAMP WITH TIME ZONE, "recorded_by_id" character varying(64) NOT NULL, "recorded_by_name" character varying(100) NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ce9ebea65a0c9443fab7ce7ac61" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "mediation_sessions_agency_held" ON "${s}"."mediation_sessions"  ("agency_id", "held_at") `,
    );
    await q.query(
      `CREATE UNIQUE INDEX "mediation_sessions_referral_sequence" ON "${s}"."mediation_sessions"  ("referral_id", "sequence") `,
    );
    await q.query(
      `ALTER TABLE "${s}"."follow_ups" ADD CONSTRAINT "FK_c339585d73a53d7f584ab1f71dc" FOREIGN KEY ("referral_id") REFERENCES "${s}"."referrals"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "${s}"."follow_ups" ADD CONSTRAINT "FK_cc81fb18b409251700aa0db4efc" FOREIGN KEY ("assignee_mediator_id") REFERENCES "${s}"."mediators"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "${s}"."mediation_sessions" ADD CONSTRAINT "FK_4129bbb6f22ca86f9d7a8e6538a" FOREIGN KEY ("referral_id") REFERENCES "${s}"."referrals"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`ALTER TABLE "${s}"."mediation_sessions" DROP CONSTRAINT "FK_4129bbb6f22ca86f9d7a8e6538a"`);
    await q.query(`ALTER TABLE "${s}"."follow_ups" DROP CONSTRAINT "FK_cc81fb18b409251700aa0db4efc"`);
    await q.query(`ALTER TABLE "${s}"."follow_ups" DROP CONSTRAINT "FK_c339585d73a53d7f584ab1f71dc"`);
    await q.query(`DROP INDEX "${s}"."mediation_sessions_referral_sequence"`);
    await q.query(`DROP INDEX "${s}"."mediation_sessions_agency_held"`);
    await q.query(`DROP TABLE "${s}"."mediation_sessions"`);
    await q.query(`DROP INDEX "${s}"."follow_ups_referral"`);
    await q.query(`DROP INDEX "${s}"."follow_ups_agency_status_due"`);
    await q.query(`DROP TABLE "${s}"."follow_ups"`);
  }
}
