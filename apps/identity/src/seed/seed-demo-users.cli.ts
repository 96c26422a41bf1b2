import 'reflect-metadata';
import { ensureDatabase, openAndMigrate } from '@fengqiao/database';
import { makeIdentityDataSource } from '../data-source';
import { seedDemoUsers, DEMO_USERS } from './demo-users';

async function main() {
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/fengqiao';
  await ensureDatabase(url);
  const dataSource = makeIdentityDataSource(url);
  await openAndMigrate(dataSource);
  await seedDemoUsers(dataSource, process.env.NODE_ENV);
  console.log(`demo users ready: ${DEMO_USERS.map((u) => u.username).join(', ')}`);
  await dataSource.destroy();
}

main().catch((e: Error) => {
  console.error(`seeding demo users failed: ${e.message}`);
  process.exit(1);
});
