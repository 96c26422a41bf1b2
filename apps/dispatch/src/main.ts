import 'reflect-metadata';
import { actorSigningKey } from '@fengqiao/access-token';
import { natsServers } from '@fengqiao/config';
import { bootMicroservice, exitOnBootFailure } from '@fengqiao/service-runtime';
import { DispatchModule } from './app.module';
import { loadDispatchConfig, SERVICE_NAME } from './config';

async function main() {
  const config = loadDispatchConfig();
  await bootMicroservice(DispatchModule.forRoot(config), {
    serviceName: SERVICE_NAME,
    natsServers: natsServers(config.NATS_URL),
    signingKey: actorSigningKey(config),
  });
}

main().catch(exitOnBootFailure(SERVICE_NAME));
