import { Module, type DynamicModule } from '@nestjs/common';
import { NATS_CONNECTION, openRevokedSessions } from '@fengqiao/messaging';
import type { NatsConnection } from '@nats-io/transport-node';
import { ServiceRuntimeModule } from '@fengqiao/service-runtime';
import { SCHEMA, SERVICE_NAME } from './config';
import { ENTITIES } from './data-source';
import { MIGRATIONS } from './migrations';
import { IDENTITY_CONFIG, REVOKED_SESSIONS, Sessions, type IdentityConfig } from './sessions/sessions';
import { SessionsHandlers } from './sessions/sessions.handlers';
import { UserAdmin } from './users/user-admin';
import { UsersHandlers } from './users/users.handlers';

@Module({})
export class IdentityModule {
  static forRoot(config: IdentityConfig): DynamicModule {
    return {
      module: IdentityModule,
      imports: [
        ServiceRuntimeModule.forService({
          serviceName: SERVICE_NAME,
          schema: SCHEMA,
          entities: ENTITIES,
          migrations: MIGRATIONS,
          config,
        }),
      ],
      controllers: [SessionsHandlers, UsersHandlers],
      providers: [
        Sessions,
        UserAdmin,
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
