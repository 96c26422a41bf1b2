import 'reflect-metadata';
import { actorSigningKey } from '@fengqiao/access-token';
import { natsServers } from '@fengqiao/config';
import { bootMicroservice, exitOnBootFailure } from '@fengqiao/service-runtime';
import { IdentityModule } from './app.module';
import { loadIdentityConfig, SERVICE_NAME } from './config';

async function main() {
  const config = loadIdentityConfig();
  await bootMicroservice(IdentityModule.forRoot(config), {
    serviceName: SERVICE_NAME,
    natsServers: natsServers(config.NATS_URL),
    signingKey: actorSigningKey(config),
  });
}

main().catch(exitOnBootFailure(SERVICE_NAME));
