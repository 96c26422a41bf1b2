import { actorSigningKey } from '@fengqiao/access-token';
import { Module, type DynamicModule } from '@nestjs/common';
import { natsServers } from '@fengqiao/config';
import { IdentitySubjects } from '@fengqiao/contracts';
import { MessagingModule, NATS_CONNECTION, openRevokedSessions } from '@fengqiao/messaging';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  createAuditVerifyController,
  createHealthController,
  DatabaseModule,
  loggerModule,
} from '@fengqiao/service-runtime';
import { SCHEMA, SERVICE_NAME } from './config';
import { identityDataSourceOptions } from './data-source';
import { IDENTITY_CONFIG, REVOKED_SESSIONS, Sessions, type IdentityConfig } from './sessions/sessions';
import { SessionsHandlers } from './sessions/sessions.handlers';

@Module({})
export class IdentityModule {
  static forRoot(config: IdentityConfig): DynamicModule {
    return {
      module: IdentityModule,
      imports: [
        loggerModule(SERVICE_NAME, config.LOG_LEVEL),
        DatabaseModule.forService({
          ...identityDataSourceOptions(config.DATABASE_URL),
          serviceName: SERVICE_NAME,
        }),
        MessagingModule.register({
          serviceName: SERVICE_NAME,
          schema: SCHEMA,
          natsServers: natsServers(config.NATS_URL),
          databaseUrl: config.DATABASE_URL,
          streamReplicas: config.NATS_STREAM_REPLICAS,
          ackWaitMs: config.JETSTREAM_ACK_WAIT_MS,
          signingKey: actorSigningKey(config),
        }),
      ],
      controllers: [
        SessionsHandlers,
        createHealthController(SERVICE_NAME, IdentitySubjects.health),
        createAuditVerifyController(SERVICE_NAME, SCHEMA),
      ],
      providers: [
        Sessions,
        { provide: IDENTITY_CONFIG, useValue: config },
        {
          provide: REVOKED_SESSIONS,
          useFactory: (nc: NatsConnection) => openRevokedSessions(nc, config.NATS_STREAM_REPLICAS),
          inject: [NATS_CONNECTION],
        },
      ],
    };
  }
}
