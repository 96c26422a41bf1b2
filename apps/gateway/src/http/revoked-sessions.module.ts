import { Inject, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { natsServers } from '@fengqiao/config';
import { connectNats, openRevokedSessions, RevokedSessions } from '@fengqiao/messaging';
import type { GatewayEnv } from '../config';

const GATEWAY_NATS = Symbol('GATEWAY_NATS');

class RevokedSessionsCloser implements OnApplicationShutdown {
  constructor(
    @Inject(GATEWAY_NATS) private readonly nc: NatsConnection,
    private readonly revoked: RevokedSessions,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    this.revoked.stop();
    if (!this.nc.isClosed()) await this.nc.drain();
  }
}

/** This replica's view of the signed-out sessions, watched from the shared JetStream KV bucket. */
@Module({})
export class RevokedSessionsModule {
  static forRoot(config: GatewayEnv): DynamicModule {
    return {
      module: RevokedSessionsModule,
      providers: [
        {
          provide: GATEWAY_NATS,
          useFactory: () => connectNats('gateway-sessions', natsServers(config.NATS_URL)),
        },
        {
          provide: RevokedSessions,
          useFactory: async (nc: NatsConnection) => {
            const logger = new Logger('RevokedSessions');
            const revoked = new RevokedSessions((m) => logger.warn(m));
            await revoked.watch(await openRevokedSessions(nc, config.NATS_STREAM_REPLICAS));
            return revoked;
          },
          inject: [GATEWAY_NATS],
        },
        RevokedSessionsCloser,
      ],
      exports: [RevokedSessions],
    };
  }
}
