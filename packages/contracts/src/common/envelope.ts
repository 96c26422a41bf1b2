import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { Actor } from './actor';

/** What every NATS request carries: who asks, and the request body (validated by the receiver). */
export class RpcEnvelope<T = unknown> {
  @ValidateNested()
  @Type(() => Actor)
  actor!: Actor;

  @IsObject()
  body!: T;
}

/** Health reply each service gives on its health subject. */
export interface HealthReport {
  service: string;
  status: 'up' | 'down';
  checks: Record<string, { status: 'up' | 'down'; detail?: string }>;
}
