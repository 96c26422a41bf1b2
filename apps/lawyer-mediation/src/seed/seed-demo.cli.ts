import 'reflect-metadata';
import { loadAgencyConfig, makeAgencyDataSource } from '@fengqiao/agency-kit';
import { ensureDatabase, openAndMigrate } from '@fengqiao/database';
import { PersonalDataCipher, personalDataKeysFromEnv } from '@fengqiao/pii';
import { lawyerMediation } from '../service';
import { seedDemoLawyers } from './demo-lawyers';

/** `node apps/lawyer-mediation/dist/seed/seed-demo.cli.js`: the demo studios' lawyers (律师名录). */
async function main() {
  const config = loadAgencyConfig();
  if (config.NODE_ENV === 'production')
    throw new Error('refusing to seed demo data when NODE_ENV=production');
  await ensureDatabase(config.DATABASE_URL);
  const dataSource = makeAgencyDataSource('lawyer', config.DATABASE_URL, lawyerMediation);
  await openAndMigrate(dataSource);
  const added = await seedDemoLawyers(
    dataSource,
    new PersonalDataCipher(personalDataKeysFromEnv(config).keys),
  );
  console.log(
    `lawyer roster seeded: ${added.lawyers} lawyers and ${added.representations} prior representations added (the rest already there)`,
  );
  await dataSource.destroy();
}

main().catch((e: Error) => {
  console.error(`seeding the lawyer roster failed: ${e.message}`);
  process.exit(1);
});
