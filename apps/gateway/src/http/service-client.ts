import { Inject, Injectable } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import {
  AGENCY_SERVICE,
  DispatchSubjects,
  IdentitySubjects,
  agencySubjects,
  type Actor,
  type AgencyKind,
  type AgencySubjectSet,
} from '@fengqiao/contracts';
import { RpcClient } from '@fengqiao/messaging';

export const NATS_CLIENT = 'NATS_CLIENT';
export const RPC_TIMEOUT_MS = 'RPC_TIMEOUT_MS';
export const ACTOR_SIGNING_KEY = 'ACTOR_SIGNING_KEY';

/** The gateway's one way to reach a service: request-reply with a bounded wait. */
@Injectable()
export class ServiceClient {
  private readonly rpc: RpcClient;

  constructor(
    @Inject(NATS_CLIENT) client: ClientProxy,
    @Inject(RPC_TIMEOUT_MS) timeoutMs: number,
    @Inject(ACTOR_SIGNING_KEY) signingKey: string,
  ) {
    this.rpc = new RpcClient(client, timeoutMs, signingKey);
  }

  dispatch<T>(
    subject: (typeof DispatchSubjects)[keyof typeof DispatchSubjects],
    actor: Actor,
    body: object,
  ): Promise<T> {
    return this.rpc.request<T>('dispatch', subject, actor, body);
  }

  /** Any service by name, for requests every service answers (audit checks). */
  request<T>(service: string, subject: string, actor: Actor, body: object): Promise<T> {
    return this.rpc.request<T>(service, subject, actor, body);
  }

  identity<T>(
    subject: (typeof IdentitySubjects)[keyof typeof IdentitySubjects],
    actor: Actor,
    body: object,
  ): Promise<T> {
    return this.rpc.request<T>('identity', subject, actor, body);
  }

  agency<T>(kind: AgencyKind, pick: (s: AgencySubjectSet) => string, actor: Actor, body: object): Promise<T> {
    return this.rpc.request<T>(AGENCY_SERVICE[kind], pick(agencySubjects(kind)), actor, body);
  }
}
