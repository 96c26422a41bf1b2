import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The lawyer roster, prior representations, the parties' choices of lawyer and pro bono hours. */
export class LawyerRoster1795480441140 implements MigrationInterface {
  name = 'LawyerRoster1795480441140';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "lawyer_mediation"."lawyer_choices" ("id" uuid NOT NULL, "referral_id" uuid NOT NULL, "case_id" uuid NOT NULL, "agency_id" uuid NOT NULL, "lawyer_id" uuid NOT NULL, "lawyer_name" character varying(50) NOT NULL, "firm" character varying(100) NOT NULL, "chosen_by_party_positions" smallint array NOT NULL, "note" text, "status" character varying(10) NOT NULL, "conflict_source" character varying(8), "conflict_party_position" smallint, "conflict_party_name" character varying(100), "conflict_representation_id" uuid, "replaced_by_choice_id" uuid, "replaced_at" TIMESTAMP WITH TIME ZONE, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_by_id" character varying(64) NOT NULL, "recorded_by_name" character varying(100) NOT NULL, CONSTRAINT "PK_d6b7f89d6d2a2081964d188f071" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE UNIQUE INDEX "lawyer_choices_referral_chosen" ON "lawyer_mediation"."lawyer_choices"  ("referral_id") WHERE status = \'chosen\'',
    );
    await q.query(
      'CREATE INDEX "lawyer_choices_referral_recorded" ON "lawyer_mediation"."lawyer_choices"  ("referral_id", "recorded_at") ',
    );
    await q.query(
      'CREATE INDEX "lawyer_choices_agency_recorded" ON "lawyer_mediation"."lawyer_choices"  ("agency_id", "recorded_at") ',
    );
    await q.query(
      'CREATE TABLE "lawyer_mediation"."lawyer_profiles" ("mediator_id" uuid NOT NULL, "firm" character varying(100) NOT NULL, "licence_number" character(17) NOT NULL, "languages" character varying(20) array NOT NULL DEFAULT \'{}\', "years_of_practice" smallint NOT NULL, "published" boolean NOT NULL DEFAULT false, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_8f1dadb97d113da1deba87fbd57" PRIMARY KEY ("mediator_id"))',
    );
    await q.query('CREATE INDEX "lawyer_profiles_firm" ON "lawyer_mediation"."lawyer_profiles"  ("firm") ');
    await q.query(
      'CREATE UNIQUE INDEX "lawyer_profiles_licence" ON "lawyer_mediation"."lawyer_profiles"  ("licence_number") ',
    );
    await q.query(
      'CREATE TABLE "lawyer_mediation"."lawyer_representations" ("id" uuid NOT NULL, "lawyer_id" uuid NOT NULL, "firm" character varying(100) NOT NULL, "client_name" character varying(100) NOT NULL, "client_name_hash" character(64) NOT NULL, "client_kind" character varying(16) NOT NULL, "client_id_number_encrypted" text, "client_id_number_masked" character varying(20), "client_id_number_hash" character(64), "matter" character varying(500) NOT NULL, "acted_from" date NOT NULL, "acted_to" date, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "recorded_by_id" character varying(64) NOT NULL, CONSTRAINT "PK_dadbb1baaa9aab3348f62dff02f" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE INDEX "lawyer_representations_firm" ON "lawyer_mediation"."lawyer_representations"  ("firm") ',
    );
    await q.query(
      'CREATE INDEX "lawyer_representations_client_name_hash" ON "lawyer_mediation"."lawyer_representations"  ("client_name_hash") ',
    );
    await q.query(
      'CREATE INDEX "lawyer_representations_client_id_hash" ON "lawyer_mediation"."lawyer_representations"  ("client_id_number_hash") ',
    );
    await q.query(
      'CREATE INDEX "lawyer_representations_lawyer" ON "lawyer_mediation"."lawyer_representations"  ("lawyer_id", "acted_from") ',
    );
    await q.query(
      'CREATE TABLE "lawyer_mediation"."pro_bono_hours" ("id" uuid NOT NULL, "agency_id" uuid NOT NULL, "lawyer_id" uuid NOT NULL, "referral_id" uuid NOT NULL, "case_id" uuid NOT NULL, "work_date" date NOT NULL, "half_hours" smallint NOT NULL, "activity" character varying(500) NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_by_id" character varying(64) NOT NULL, "recorded_by_name" character varying(100) NOT NULL, CONSTRAINT "PK_20e4ddc215033c82ef5fc5e5397" PRIMARY KEY ("id"))',
    );
    await q.query(
      'CREATE INDEX "pro_bono_hours_referral" ON "lawyer_mediation"."pro_bono_hours"  ("referral_id") ',
    );
    await q.query(
      'CREATE INDEX "pro_bono_hours_lawyer_date" ON "lawyer_mediation"."pro_bono_hours"  ("lawyer_id", "work_date") ',
    );
    await q.query(
      'CREATE INDEX "pro_bono_hours_agency_date" ON "lawyer_mediation"."pro_bono_hours"  ("agency_id", "work_date") ',
    );
    await q.query(
      'ALTER TABLE "lawyer_mediation"."lawyer_profiles" ADD CONSTRAINT "FK_8f1dadb97d113da1deba87fbd57" FOREIGN KEY ("mediator_id") REFERENCES "lawyer_mediation"."mediators"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await q.query(
      'ALTER TABLE "lawyer_mediation"."lawyer_representations" ADD CONSTRAINT "FK_3a040680ab1f1a11809a2004dd9" FOREIGN KEY ("lawyer_id") REFERENCES "lawyer_mediation"."lawyer_profiles"("mediator_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE "lawyer_mediation"."lawyer_representations" DROP CONSTRAINT "FK_3a040680ab1f1a11809a2004dd9"',
    );
    await q.query(
      'ALTER TABLE "lawyer_mediation"."lawyer_profiles" DROP CONSTRAINT "FK_8f1dadb97d113da1deba87fbd57"',
    );
    await q.query('DROP INDEX "lawyer_mediation"."pro_bono_hours_agency_date"');
    await q.query('DROP INDEX "lawyer_mediation"."pro_bono_hours_lawyer_date"');
    await q.query('DROP INDEX "lawyer_mediation"."pro_bono_hours_referral"');
    await q.query('DROP TABLE "lawyer_mediation"."pro_bono_hours"');
    await q.query('DROP INDEX "lawyer_mediation"."lawyer_representations_lawyer"');
    await q.query('DROP INDEX "lawyer_mediation"."lawyer_representations_client_id_hash"');
    await q.query('DROP INDEX "lawyer_mediation"."lawyer_representations_client_name_hash"');
    await q.query('DROP INDEX "lawyer_mediation"."lawyer_representations_firm"');
    await q.query('DROP TABLE "lawyer_mediation"."lawyer_representations"');
    await q.query('DROP INDEX "lawyer_mediation"."lawyer_profiles_licence"');
    await q.query('DROP INDEX "lawyer_mediation"."lawyer_profiles_firm"');
    await q.query('DROP TABLE "lawyer_mediation"."lawyer_profiles"');
    await q.query('DROP INDEX "lawyer_mediation"."lawyer_choices_agency_recorded"');
    await q.query('DROP INDEX "lawyer_mediation"."lawyer_choices_referral_recorded"');
    await q.query('DROP INDEX "lawyer_mediation"."lawyer_choices_referral_chosen"');
    await q.query('DROP TABLE "lawyer_mediation"."lawyer_choices"');
  }
}
