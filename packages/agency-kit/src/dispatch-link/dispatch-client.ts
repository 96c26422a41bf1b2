import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ClientProxyFactory, Transport, type ClientProxy } from '@nestjs/microservices';
import { actorSigningKey } from '@fengqiao/access-token';
import { natsServers } from '@fengqiao/config';
import { DispatchSubjects, type Actor, type AgencyView } from '@fengqiao/contracts';
import { notFound } from '@fengqiao/errors';
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

  /**
   * An agency of one kind as dispatch knows it (its name, its 辖区): any other agency is not found
   * (404) as that kind, named in both languages (e.g. 'judicial office' / '司法所').
   */
  async agencyOfKind(
    actor: Actor,
    agencyId: string,
    kind: AgencyView['kind'],
    named: { en: string; zh: string },
  ): Promise<AgencyView> {
    const agency = await this.request<AgencyView>(DispatchSubjects.agencyGet, actor, { agencyId });
    if (agency.kind !== kind) throw notFound(named.en, named.zh, agencyId);
    return agency;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.proxy.close();
  }
}
