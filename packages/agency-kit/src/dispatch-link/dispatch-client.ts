import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ClientProxyFactory, Transport, type ClientProxy } from '@nestjs/microservices';
import { actorSigningKey } from '@fengqiao/access-token';
import { natsServers } from '@fengqiao/config';
import { DispatchSubjects, type Actor } from '@fengqiao/contracts';
import { RpcClient } from '@fengqiao/messaging';
import type { AgencyEnv } from '../config';

export const AGENCY_CONFIG = Symbol('AGENCY_CONFIG');

/**
 * Request-reply to dispatch on behalf of the caller (the same signed actor, so dispatch applies its
 * own scope rules): what an agency service asks when an event would not do, such as registering
 * an on-the-spot case or reading the parties' lookup hashes for a conflict check.
 */
@Injectable()
export class DispatchClient implements OnApplicationShutdown {
  private readonly proxy: ClientProxy;
  private readonly rpc: RpcClient;

  constructor(@Inject(AGENCY_CONFIG) config: AgencyEnv) {
    this.proxy = ClientProxyFactory.create({
      transport: Transport.NATS,
      options: {
        servers: natsServers(config.NATS_URL),
        maxReconnectAttempts: -1,
        reconnectTimeWait: 500,
      },
    });
    this.rpc = new RpcClient(this.proxy, config.RPC_TIMEOUT_MS, actorSigningKey(config));
  }

  request<T>(
    subject: (typeof DispatchSubjects)[keyof typeof DispatchSubjects],
    actor: Actor,
    body: object,
  ): Promise<T> {
    return this.rpc.request<T>('dispatch', subject, actor, body);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.proxy.close();
  }
}
