import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ServerNats, type NatsOptions } from '@nestjs/microservices';
import { finalize, type Observable } from 'rxjs';

/** Counts request handlers that have started and not yet produced their reply. */
export class InFlightRequests {
  private count = 0;

  enter(): void {
    this.count += 1;
  }

  leave(): void {
    this.count -= 1;
  }

  async idle(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.count > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    return this.count === 0;
  }
}

@Injectable()
export class InFlightInterceptor implements NestInterceptor {
  constructor(private readonly inFlight: InFlightRequests) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    this.inFlight.enter();
    return next.handle().pipe(finalize(() => this.inFlight.leave()));
  }
}

/**
 * Nest's own graceful NATS shutdown sleeps its whole grace period. This one stops taking
 * requests, waits only until the handlers in flight have answered (bounded by the grace
 * period), then closes the connection.
 */
export class DrainingNatsServer extends ServerNats {
  constructor(
    options: Required<NatsOptions>['options'],
    private readonly inFlight: InFlightRequests,
    private readonly graceMs: number,
  ) {
    super({ ...options, gracefulShutdown: false });
  }

  private closing: Promise<void> | null = null;

  /** Idempotent: the shutdown sequence calls it first, Nest's own close() calls it again. */
  override close(): Promise<void> {
    this.closing ??= this.drainAndClose();
    return this.closing;
  }

  private async drainAndClose(): Promise<void> {
    // `subscriptions` is private in Nest's typings; unsubscribing is what its graceful mode does too.
    const internals = this as unknown as { subscriptions: { unsubscribe(): void }[] };
    for (const sub of internals.subscriptions ?? []) sub.unsubscribe();
    await this.inFlight.idle(this.graceMs);
    await new Promise((r) => setTimeout(r, 20)); // replies are published on the next tick
    await super.close();
  }
}
