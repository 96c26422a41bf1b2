import { Controller, Inject, type Type } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import type { NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import type { HealthReport } from '@fengqiao/contracts';
import { NATS_CONNECTION } from '@fengqiao/messaging';

async function check(
  probe: () => Promise<unknown>,
  timeoutMs = 2000,
): Promise<{ status: 'up' | 'down'; detail?: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise(
        (_, reject) =>
          (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)),
      ),
    ]);
    return { status: 'up' };
  } catch (e) {
    return { status: 'down', detail: (e as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

/** A health responder on `<service>.health.check.v1`: Postgres and JetStream as this service sees them. */
export function createHealthController(serviceName: string, subject: string): Type<unknown> {
  @Controller()
  class HealthController {
    constructor(
      private readonly dataSource: DataSource,
      @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    ) {}

    @MessagePattern(subject)
    async health(): Promise<HealthReport> {
      const [postgres, jetstream] = await Promise.all([
        check(() => this.dataSource.query('SELECT 1')),
        check(async () => {
          if (this.nc.isClosed()) throw new Error('connection closed');
          await this.nc.flush();
        }),
      ]);
      const checks = { postgres, jetstream };
      const status = Object.values(checks).every((c) => c.status === 'up') ? 'up' : 'down';
      return { service: serviceName, status, checks };
    }
  }
  return HealthController;
}
