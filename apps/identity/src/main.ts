import 'reflect-metadata';
import { natsServers } from '@fengqiao/config';
import { bootMicroservice, exitOnBootFailure } from '@fengqiao/service-runtime';
import { IdentityModule } from './app.module';
import { loadIdentityConfig, SERVICE_NAME } from './config';

async function main() {
  const config = loadIdentityConfig();
  await bootMicroservice(IdentityModule.forRoot(config), {
    serviceName: SERVICE_NAME,
    natsServers: natsServers(config.NATS_URL),
  });
}

main().catch(exitOnBootFailure(SERVICE_NAME));
