import 'reflect-metadata';
import { loadAgencyConfig, makeAgencyDataSource } from '@fengqiao/agency-kit';
import { ensureDatabase, openAndMigrate } from '@fengqiao/database';
import { PersonalDataCipher, personalDataKeysFromEnv } from '@fengqiao/pii';
import { peopleMediation } from '../service';
import { seedDemoCommittees } from './demo-committees';

/** `node apps/people-mediation/dist/seed/seed-demo.cli.js`: the demo committees' profiles and mediators. */
async function main() {
  const config = loadAgencyConfig();
  if (config.NODE_ENV === 'production')
    throw new Error('refusing to seed demo data when NODE_ENV=production');
  await ensureDatabase(config.DATABASE_URL);
  const dataSource = makeAgencyDataSource('people', config.DATABASE_URL, peopleMediation);
  await openAndMigrate(dataSource);
  const cipher = new PersonalDataCipher(personalDataKeysFromEnv(config).keys);
  const added = await seedDemoCommittees(dataSource, cipher);
  console.log(
    `people's committees seeded: ${added.profiles} profiles and ${added.mediators} mediators added (the rest already there)`,
  );
  await dataSource.destroy();
}

main().catch((e: Error) => {
  console.error(`seeding the people's committees failed: ${e.message}`);
  process.exit(1);
});
