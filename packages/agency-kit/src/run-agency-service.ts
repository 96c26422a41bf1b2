import 'reflect-metadata';
import { actorSigningKey } from '@fengqiao/access-token';
import { natsServers } from '@fengqiao/config';
import { AGENCY_SERVICE } from '@fengqiao/contracts';
import type { DataSource } from 'typeorm';
import { ensureDatabase, openAndMigrate, runDatabaseCli } from '@fengqiao/database';
import { PersonalDataCipher, personalDataKeysFromEnv } from '@fengqiao/pii';
import { bootMicroservice, exitOnBootFailure } from '@fengqiao/service-runtime';
import { AgencyServiceModule, type AgencyServiceDefinition } from './agency-service.module';
import { loadAgencyConfig } from './config';
import { makeAgencyDataSource } from './data-source';

/** What an agency service's main.ts calls. */
export function runAgencyService(definition: AgencyServiceDefinition): void {
  const serviceName = AGENCY_SERVICE[definition.kind];
  const start = async () => {
    const config = loadAgencyConfig();
    await bootMicroservice(AgencyServiceModule.forAgency(definition, config), {
      serviceName,
      natsServers: natsServers(config.NATS_URL),
      signingKey: actorSigningKey(config),
    });
  };
  start().catch(exitOnBootFailure(serviceName));
}

/** What an agency service's db.cli.ts calls: migrate, drift, generate for its schema. */
export function runAgencyDatabaseCli(definition: AgencyServiceDefinition): void {
  runDatabaseCli((url) => makeAgencyDataSource(definition.kind, url, definition)).catch((e: Error) => {
    console.error(e.message);
    process.exit(1);
  });
}

/**
 * What an agency service's seed-demo.cli.ts calls: its schema migrated, then `seed` with the data
 * source and the personal-data cipher. The seed upserts, so a second run adds nothing; it refuses
 * to run in production. `seed` answers the line to print (what it added).
 */
export function runAgencySeed(
  definition: AgencyServiceDefinition,
  what: string,
  seed: (dataSource: DataSource, cipher: PersonalDataCipher) => Promise<string>,
): void {
  const run = async () => {
    const config = loadAgencyConfig();
    if (config.NODE_ENV === 'production')
      throw new Error('refusing to seed demo data when NODE_ENV=production');
    await ensureDatabase(config.DATABASE_URL);
    const dataSource = makeAgencyDataSource(definition.kind, config.DATABASE_URL, definition);
    await openAndMigrate(dataSource);
    try {
      console.log(await seed(dataSource, new PersonalDataCipher(personalDataKeysFromEnv(config).keys)));
    } finally {
      await dataSource.destroy();
    }
  };
  run().catch((e: Error) => {
    console.error(`seeding ${what} failed: ${e.message}`);
    process.exit(1);
  });
}
