import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ClientProxy } from '@nestjs/microservices';
import type { Response } from 'express';
import {
  AGENCY_KINDS,
  AGENCY_SERVICE,
  DispatchSubjects,
  IdentitySubjects,
  NotificationSubjects,
  agencySubjects,
  type HealthReport,
} from '@fengqiao/contracts';
import { RpcClient } from '@fengqiao/messaging';
import { Public, UNAUTHENTICATED } from '../http/access';
import { NATS_CLIENT } from '../http/service-client';

export const HEALTH_TIMEOUT_MS = 'HEALTH_TIMEOUT_MS';

const SERVICES: [service: string, subject: string][] = [
  ['dispatch', DispatchSubjects.health],
  ['identity', IdentitySubjects.health],
  ['notifications', NotificationSubjects.health],
  ...AGENCY_KINDS.map((k): [string, string] => [AGENCY_SERVICE[k], agencySubjects(k).health]),
];

type StoreState = { status: 'up' | 'down'; detail?: string };

/** 200 only when every service answers and each reaches Postgres and JetStream; the body says who is not. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  private readonly rpc: RpcClient;

  constructor(@Inject(NATS_CLIENT) client: ClientProxy, @Inject(HEALTH_TIMEOUT_MS) timeoutMs: number) {
    this.rpc = new RpcClient(client, timeoutMs);
  }

  @Get()
  @Public()
  async health(@Res() res: Response): Promise<void> {
    const reports = await Promise.all(
      SERVICES.map(([service, subject]) =>
        this.rpc
          .request<HealthReport>(service, subject, UNAUTHENTICATED, {})
          .catch((e: Error): HealthReport => ({
            service,
            status: 'down',
            checks: { reply: { status: 'down', detail: e.message } },
          })),
      ),
    );
    const services = Object.fromEntries(
      reports.map((r) => [r.service, { status: r.status, checks: r.checks }]),
    );
    const answered = reports.filter((r) => !('reply' in r.checks));
    const store = (name: 'postgres' | 'jetstream'): StoreState => {
      if (answered.length === 0) return { status: 'down', detail: 'no service answered over NATS' };
      const down = answered.filter((r) => r.checks[name]?.status !== 'up').map((r) => r.service);
      return down.length
        ? { status: 'down', detail: `unreachable from ${down.join(', ')}` }
        : { status: 'up' };
    };
    const stores = { postgres: store('postgres'), nats: store('jetstream') };
    const up = reports.every((r) => r.status === 'up');
    res.status(up ? 200 : 503).json({ status: up ? 'up' : 'down', stores, services });
  }
}
