import 'reflect-metadata';
import { actorSigningKey } from '@fengqiao/access-token';
import { natsServers } from '@fengqiao/config';
import { AGENCY_SERVICE } from '@fengqiao/contracts';
import { runDatabaseCli } from '@fengqiao/database';
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
