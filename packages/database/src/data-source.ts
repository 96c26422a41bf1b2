import { DataSource, type EntitySchema, type MixedList } from 'typeorm';

export interface ServiceDataSourceOptions {
  url: string;
  /** The service's own Postgres schema: no service reads another's tables. */
  schema: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: Function[];
  applicationName: string;
  poolSize?: number;
}

export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    applicationName: options.applicationName,
    poolSize: options.poolSize ?? 10,
    synchronize: false,
    logging: ['error'],
  });
}

/**
 * Initialises the data source, creates the service's schema and runs pending migrations.
 * An advisory lock serialises replicas that boot together, so a migration never runs twice.
 */
export async function openAndMigrate(dataSource: DataSource): Promise<string[]> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  const schema = dataSource.driver.schema ?? 'public';
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`migrate:${schema}`]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await runner
      .query('SELECT pg_advisory_unlock(hashtext($1))', [`migrate:${schema}`])
      .catch(() => undefined);
    await runner.release();
  }
}

/**
 * What the entities want that the migrations did not create. Empty means no drift.
 * Call it on a database migrated from scratch.
 */
export async function findDrift(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}
