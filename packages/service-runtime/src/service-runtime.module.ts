import { Module, type DynamicModule } from '@nestjs/common';
import type { EntitySchema, MixedList } from 'typeorm';
import { actorSigningKey } from '@fengqiao/access-token';
import { natsServers, type CommonEnv } from '@fengqiao/config';
import { MessagingModule } from '@fengqiao/messaging';
import { createAuditVerifyController } from './audit-verify';
import { DatabaseModule } from './database.module';
import { createHealthController } from './health';
import { loggerModule } from './logger';

export interface ServiceRuntimeOptions {
  serviceName: string;
  schema: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: Function[];
  config: CommonEnv;
}

/**
 * What every hub service runs on, composed once: JSON logs, its schema migrated at boot, JetStream
 * with the outbox relay and durable consumers (events signed), its health responder and its
 * audit-chain check.
 */
@Module({})
export class ServiceRuntimeModule {
  static forService(o: ServiceRuntimeOptions): DynamicModule {
    const { config, serviceName, schema } = o;
    return {
      module: ServiceRuntimeModule,
      imports: [
        loggerModule(serviceName, config.LOG_LEVEL),
        DatabaseModule.forService({
          url: config.DATABASE_URL,
          schema,
          entities: o.entities,
          migrations: o.migrations,
          serviceName,
        }),
        MessagingModule.register({
          serviceName,
          schema,
          natsServers: natsServers(config.NATS_URL),
          databaseUrl: config.DATABASE_URL,
          streamReplicas: config.NATS_STREAM_REPLICAS,
          ackWaitMs: config.JETSTREAM_ACK_WAIT_MS,
          signingKey: actorSigningKey(config),
        }),
      ],
      controllers: [
        createHealthController(serviceName, `${serviceName}.health.check.v1`),
        createAuditVerifyController(serviceName, schema),
      ],
    };
  }
}
