import 'reflect-metadata';
import { actorSigningKey } from '@fengqiao/access-token';
import { natsServers } from '@fengqiao/config';
import { bootMicroservice, exitOnBootFailure } from '@fengqiao/service-runtime';
import { NotificationsModule } from './app.module';
import { loadNotificationsConfig, SERVICE_NAME } from './config';

async function main() {
  const config = loadNotificationsConfig();
  await bootMicroservice(NotificationsModule.forRoot(config), {
    serviceName: SERVICE_NAME,
    natsServers: natsServers(config.NATS_URL),
    signingKey: actorSigningKey(config),
  });
}

main().catch(exitOnBootFailure(SERVICE_NAME));
