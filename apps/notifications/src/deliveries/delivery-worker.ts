import type { DataSource } from 'typeorm';
import type { NotificationChannelKind } from '@fengqiao/contracts';
import type { PersonalDataCipher } from '@fengqiao/pii';
import type { ChannelAdapters } from '../adapters/channel-registry';
import { ChannelSendError, redactSecrets, type ChannelTarget } from '../adapters/notification-channel';

export interface DeliveryWorkerOptions {
  /** Names this worker in `deliveries.claimed_by` (host:pid:…). */
  workerId: string;
  /** Deliveries in flight at once. */
  concurrency: number;
  /** How long a claim holds; must outlast one call (DELIVERY_TIMEOUT_MS) with room to spare. */
  leaseMs: number;
  pollMs: number;
  maxAttempts: number;
  /** Wait before attempt n+1 after attempt n failed: backoffMs[n-1], the last value repeating. */
  backoffMs: number[];
}

type Log = (level: 'debug' | 'info' | 'warn' | 'error', message: string, extra?: object) => void;

/** A row this worker holds the lease of. */
export interface ClaimedDelivery {
  id: string;
  channel_kind: NotificationChannelKind;
  webhook_cipher: string | null;
  secret_cipher: string | null;
  phones_cipher: string | null;
  message: string;
  attempts: number;
  claim_token: string;
}

export type AttemptOutcome = 'delivered' | 'retry' | 'failed' | 'lease-lost';

export function backoffDelayMs(attempt: number, backoffMs: readonly number[]): number {
  return backoffMs[Math.min(Math.max(attempt, 1), backoffMs.length) - 1];
}

const CLAIM = `
  WITH due AS (
    SELECT id FROM notifications.deliveries
     WHERE status = 'pending' AND next_attempt_at <= now() AND attempts < $2
       AND (claimed_until IS NULL OR claimed_until <= now())
     ORDER BY next_attempt_at
     LIMIT $1
     FOR UPDATE SKIP LOCKED
  )
  UPDATE notifications.deliveries d
     SET attempts = d.attempts + 1,
         claimed_until = now() + $3 * interval '1 millisecond',
         claimed_by = $4,
         claim_token = gen_random_uuid(),
         updated_at = now()
    FROM due
   WHERE d.id = due.id
  RETURNING d.id, d.channel_kind, d.webhook_cipher, d.secret_cipher, d.phones_cipher, d.message,
            d.attempts, d.claim_token`;

const LOST_WORKER = 'the worker of the last attempt stopped before recording its outcome';

/**
 * Sends pending deliveries. A worker claims due rows with `FOR UPDATE SKIP LOCKED` and a lease
 * (`claimed_until`) in one short statement that commits before any call goes out, so no row lock
 * is ever held across the network; then it calls the channel and records the outcome under the
 * claim's token. While a lease holds no other worker (this process or another replica) takes the
 * row; when a worker dies mid-call its lease runs out and another retries the row. Each call has
 * its own timeout (in the adapters) and holds one of `concurrency` slots, so a dead webhook slows
 * only its own deliveries.
 */
export class DeliveryWorker {
  private running = false;
  private loop: Promise<void> | null = null;
  private readonly inFlight = new Set<Promise<void>>();
  private wake: (() => void) | null = null;
  private lastSweep = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly adapters: ChannelAdapters,
    private readonly cipher: PersonalDataCipher,
    private readonly options: DeliveryWorkerOptions,
    private readonly log: Log,
  ) {}

  /** What this worker writes into `claimed_by`. */
  get id(): string {
    return this.options.workerId;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops claiming and waits for the calls in flight (each bounded by its timeout) to be recorded. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
  }

  /** Claims up to `limit` due deliveries for this worker; the claim is committed when this returns. */
  async claim(limit = this.options.concurrency): Promise<ClaimedDelivery[]> {
    const [rows] = (await this.dataSource.query(CLAIM, [
      limit,
      this.options.maxAttempts,
      this.options.leaseMs,
      this.options.workerId,
    ])) as [ClaimedDelivery[], number];
    return rows;
  }

  /** One pass: claim what is due (up to `concurrency`), send it all and wait. For tools and tests. */
  async runOnce(): Promise<AttemptOutcome[]> {
    await this.failAbandoned();
    const rows = await this.claim();
    return Promise.all(rows.map((row) => this.deliver(row)));
  }

  /** Sends one claimed row and records the outcome; never throws. */
  async deliver(row: ClaimedDelivery): Promise<AttemptOutcome> {
    try {
      await this.send(row);
    } catch (e) {
      return this.recordFailure(row, e);
    }
    return this.record(
      row,
      'delivered',
      `UPDATE notifications.deliveries
          SET status = 'delivered', delivered_at = now(), last_error = NULL,
              claimed_until = NULL, claim_token = NULL, updated_at = now()
        WHERE id = $1 AND claim_token = $2`,
      [],
    );
  }

  /**
   * Rows whose last allowed attempt was claimed by a worker that never came back (its lease ran
   * out): they will not be claimed again, so they are failed here, saying why.
   */
  async failAbandoned(): Promise<number> {
    const [, count] = (await this.dataSource.query(
      `UPDATE notifications.deliveries
          SET status = 'failed', claimed_until = NULL, claim_token = NULL, updated_at = now(),
              last_error = left(coalesce(last_error || ' / then: ', '') || $2, 1000)
        WHERE status = 'pending' AND attempts >= $1
          AND (claimed_until IS NULL OR claimed_until <= now())`,
      [this.options.maxAttempts, LOST_WORKER],
    )) as [unknown[], number];
    if (count > 0) this.log('warn', `${count} delivery(ies) failed: ${LOST_WORKER}`);
    return count;
  }

  private async send(row: ClaimedDelivery): Promise<void> {
    const adapter = this.adapters[row.channel_kind];
    if (!adapter) throw new ChannelSendError(`no adapter for channel kind ${row.channel_kind}`, false);
    let target: ChannelTarget;
    try {
      target = {
        kind: row.channel_kind,
        webhookUrl: row.webhook_cipher ? this.cipher.decrypt(row.webhook_cipher) : undefined,
        secret: row.secret_cipher ? this.cipher.decrypt(row.secret_cipher) : undefined,
        phones: row.phones_cipher
          ? (JSON.parse(this.cipher.decrypt(row.phones_cipher)) as string[])
          : undefined,
      };
    } catch (e) {
      throw new ChannelSendError(`cannot decrypt the destination: ${(e as Error).message}`, false);
    }
    await adapter.send(row.message, target);
  }

  private async recordFailure(row: ClaimedDelivery, e: unknown): Promise<AttemptOutcome> {
    const error =
      e instanceof ChannelSendError
        ? e
        : new ChannelSendError(`unexpected error: ${(e as Error)?.message ?? String(e)}`, true);
    const lastError = error.message.slice(0, 1000);
    const giveUp = !error.retryable || row.attempts >= this.options.maxAttempts;
    if (giveUp) {
      this.log('error', `delivery ${row.id} (${row.channel_kind}) failed after ${row.attempts} attempt(s)`, {
        error: lastError,
      });
      return this.record(
        row,
        'failed',
        `UPDATE notifications.deliveries
            SET status = 'failed', last_error = $3, claimed_until = NULL, claim_token = NULL, updated_at = now()
          WHERE id = $1 AND claim_token = $2`,
        [lastError],
      );
    }
    const delay = backoffDelayMs(row.attempts, this.options.backoffMs);
    this.log(
      'warn',
      `delivery ${row.id} (${row.channel_kind}) attempt ${row.attempts} failed, retry in ${delay} ms`,
      {
        error: lastError,
      },
    );
    return this.record(
      row,
      'retry',
      `UPDATE notifications.deliveries
          SET last_error = $3, next_attempt_at = now() + $4 * interval '1 millisecond',
              claimed_until = NULL, claim_token = NULL, updated_at = now()
        WHERE id = $1 AND claim_token = $2`,
      [lastError, delay],
    );
  }

  /** Writes an outcome if this claim still holds the row (its token unchanged). */
  private async record(
    row: ClaimedDelivery,
    outcome: AttemptOutcome,
    sql: string,
    extra: unknown[],
  ): Promise<AttemptOutcome> {
    try {
      const [, count] = (await this.dataSource.query(sql, [row.id, row.claim_token, ...extra])) as [
        unknown[],
        number,
      ];
      if (count === 1) return outcome;
      this.log('warn', `delivery ${row.id}: lease lost before its outcome (${outcome}) was recorded`);
      return 'lease-lost';
    } catch (e) {
      // The lease runs out and another attempt follows: at least once, never lost.
      this.log('error', `delivery ${row.id}: could not record its outcome (${outcome})`, {
        error: redactSecrets((e as Error).message),
      });
      return 'lease-lost';
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      let full = false;
      try {
        if (Date.now() - this.lastSweep >= this.options.pollMs) {
          this.lastSweep = Date.now();
          await this.failAbandoned();
        }
        const free = this.options.concurrency - this.inFlight.size;
        if (free > 0) {
          const rows = await this.claim(free);
          for (const row of rows) this.track(this.deliver(row));
          full = rows.length === free;
        }
      } catch (e) {
        this.log('warn', 'delivery worker could not claim deliveries, will retry', {
          error: redactSecrets((e as Error).message),
        });
      }
      if (!this.running) break;
      if (this.inFlight.size >= this.options.concurrency) {
        await Promise.race(this.inFlight);
      } else if (!full) {
        await this.sleep(this.options.pollMs);
      }
    }
  }

  private track(p: Promise<unknown>): void {
    const done = p.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight.add(done);
    void done.then(() => this.inFlight.delete(done));
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }
}
