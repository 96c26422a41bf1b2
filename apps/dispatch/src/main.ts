import 'reflect-metadata';
import { natsServers } from '@fengqiao/config';
import { bootMicroservice, exitOnBootFailure } from '@fengqiao/service-runtime';
import { DispatchModule } from './app.module';
import { loadDispatchConfig, SERVICE_NAME } from './config';

async function main() {
  const config = loadDispatchConfig();
  await bootMicroservice(DispatchModule.forRoot(config), {
    serviceName: SERVICE_NAME,
    natsServers: natsServers(config.NATS_URL),
  });
}

main().catch(exitOnBootFailure(SERVICE_NAME));
