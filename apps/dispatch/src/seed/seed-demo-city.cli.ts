import 'reflect-metadata';
import { ensureDatabase, openAndMigrate } from '@fengqiao/database';
import { loadDispatchConfig } from '../config';
import { makeDispatchDataSource } from '../data-source';
import { seedDemoCity } from './seed-demo-city';

async function main() {
  const config = loadDispatchConfig();
  await ensureDatabase(config.DATABASE_URL);
  const dataSource = makeDispatchDataSource(config.DATABASE_URL);
  await openAndMigrate(dataSource);
  const counts = await seedDemoCity(dataSource);
  console.log(`demo city seeded: ${counts.jurisdictions} jurisdictions, ${counts.agencies} agencies`);
  await dataSource.destroy();
}

main().catch((e: Error) => {
  console.error(`seeding failed: ${e.message}`);
  process.exit(1);
});
