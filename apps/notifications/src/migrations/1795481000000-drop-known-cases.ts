import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 民转刑 alerts now carry the case's number and 辖区 in the event: the copy of dispatch's cases goes. */
export class DropKnownCases1795481000000 implements MigrationInterface {
  name = 'DropKnownCases1795481000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "notifications"."known_cases"');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE "notifications"."known_cases" ("case_id" uuid NOT NULL, "case_number" character varying(40) NOT NULL, "jurisdiction_code" character varying(12) NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_fb7fca7acb3750b5dc67727d2b2" PRIMARY KEY ("case_id"))',
    );
  }
}
