import { Column, Entity, PrimaryColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  createScratchDatabase,
  createServiceDataSource,
  findDrift,
  openAndMigrate,
  type ScratchDatabase,
} from '../src';

@Entity({ name: 'widgets' })
class Widget {
  @PrimaryColumn('varchar', { length: 10 }) code!: string;
  @Column('varchar', { length: 50 }) name!: string;
}

let runs = 0;

class CreateWidgets1700000000000 implements MigrationInterface {
  name = 'CreateWidgets1700000000000';
  async up(q: QueryRunner): Promise<void> {
    runs += 1;
    await q.query('SELECT pg_sleep(0.2)'); // long enough for a second replica to try at the same time
    await q.query(
      'CREATE TABLE "db_test"."widgets" ("code" character varying(10) NOT NULL, "name" character varying(50) NOT NULL, CONSTRAINT "PK_widgets" PRIMARY KEY ("code"))',
    );
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "db_test"."widgets"');
  }
}

const BASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
let db: ScratchDatabase;

beforeAll(async () => {
  db = await createScratchDatabase(BASE_URL, 'fq_dbtest');
});

afterAll(async () => {
  await db?.drop();
});

const dataSource = (migrations: Function[]) =>
  createServiceDataSource({
    url: db.url,
    schema: 'db_test',
    entities: [Widget],
    migrations,
    applicationName: 'db-test',
  });

describe('service data sources', () => {
  it('detects drift when an entity has no migration', async () => {
    const ds = dataSource([]);
    await openAndMigrate(ds);
    const drift = await findDrift(ds);
    expect(drift.join('\n')).toContain('CREATE TABLE "db_test"."widgets"');
    await ds.destroy();
  });

  it('runs a migration once when two replicas boot together, in the service schema, then reports no drift', async () => {
    const [a, b] = [dataSource([CreateWidgets1700000000000]), dataSource([CreateWidgets1700000000000])];
    const ran = await Promise.all([openAndMigrate(a), openAndMigrate(b)]);
    expect(ran.flat()).toEqual(['CreateWidgets1700000000000']);
    expect(runs).toBe(1);
    expect(await findDrift(a)).toEqual([]);
    const tables = await a.query(
      `SELECT table_schema FROM information_schema.tables WHERE table_name = 'widgets'`,
    );
    expect(tables).toEqual([{ table_schema: 'db_test' }]);
    await Promise.all([a.destroy(), b.destroy()]);
  });
});
