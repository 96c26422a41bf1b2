import type { JetStreamClient } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { signEvent } from '@fengqiao/access-token';
import { failpoint } from '../failpoints';

export const EVENT_SIGNATURE_HEADER = 'Fq-Signature';
import { outboxChannel } from './outbox';

export interface OutboxRelayOptions {
  schema: string;
  databaseUrl: string;
  batchSize?: number;
  /** Fallback poll interval: catches rows whose NOTIFY was missed (e.g. written while the relay was down). */
  pollIntervalMs?: number;
  log?: (level: 'info' | 'warn' | 'error', message: string, extra?: object) => void;
  /** Signs each event (Fq-Signature header) so consumers can tell it came from a hub service. */
  signingKey?: string;
}

interface PendingRow {
  seq: string;
  message_id: string;
  subject: string;
  payload: object;
  headers: Record<string, string>;
  occurred_at: Date;
}

/**
 * Publishes outbox rows to JetStream in order. One replica relays at a time (a transaction-scoped
 * advisory lock), which keeps per-service publication order; if it dies its lock goes with its
 * connection and the next replica's poll takes over.
 */
export class OutboxRelay {
  private running = false;
  private wake: (() => void) | null = null;
  /** A NOTIFY that arrived while a batch was being published: go again without sleeping. */
  private woken = false;
  private listener: Client | null = null;
  private loop: Promise<void> | null = null;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly js: JetStreamClient,
    private readonly options: OutboxRelayOptions,
  ) {
    this.batchSize = options.batchSize ?? 200;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.listen().catch((e: Error) => {
      this.log('warn', `outbox LISTEN unavailable, polling until it is back: ${e.message}`);
      this.relisten(1000);
    });
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
  }

  /** Publishes one batch; returns how many rows went out. Exposed for tests and the benchmark. */
  async relayOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = (await manager.query('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [
        `outbox:${this.options.schema}`,
      ])) as { locked: boolean }[];
      if (!locked) return 0;
      const rows = (await manager.query(
        `SELECT seq, message_id, subject, payload, headers, occurred_at FROM "${this.options.schema}".outbox
          WHERE published_at IS NULL ORDER BY seq LIMIT $1`,
        [this.batchSize],
      )) as PendingRow[];
      if (rows.length === 0) return 0;
      failpoint(
        'relay.before-publish',
        rows.map((r) => r.subject),
      );
      // Issued in order on one connection, so JetStream stores them in order; awaited together.
      await Promise.all(rows.map((row) => this.publish(row)));
      failpoint(
        'relay.after-publish',
        rows.map((r) => r.subject),
      );
      await manager.query(
        `UPDATE "${this.options.schema}".outbox SET published_at = now() WHERE seq = ANY($1::bigint[])`,
        [rows.map((r) => r.seq)],
      );
      return rows.length;
    });
  }

  private publish(row: PendingRow) {
    const h = natsHeaders();
    for (const [k, v] of Object.entries(row.headers ?? {})) h.set(k, v);
    h.set('Occurred-At', new Date(row.occurred_at).toISOString());
    const data = JSON.stringify(row.payload);
    if (this.options.signingKey)
      h.set(EVENT_SIGNATURE_HEADER, signEvent(row.subject, row.message_id, data, this.options.signingKey));
    return this.js.publish(row.subject, data, { msgID: row.message_id, headers: h, timeout: 5000 });
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        this.woken = false;
        const sent = await this.relayOnce();
        failures = 0;
        if (sent === this.batchSize || this.woken) continue; // more is waiting
        await this.sleep(this.pollIntervalMs);
      } catch (e) {
        failures += 1;
        const delay = Math.min(250 * 2 ** Math.min(failures, 6), 10000);
        this.log('warn', `outbox relay failed, retrying in ${delay} ms: ${(e as Error).message}`);
        await this.sleep(delay);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    }).then(() => {
      this.wake = null;
    });
  }

  private async listen(): Promise<void> {
    const client = new Client({
      connectionString: this.options.databaseUrl,
      application_name: 'outbox-listener',
    });
    client.on('notification', () => this.notified());
    client.on('error', (e) => {
      this.log('warn', `outbox listener connection lost, polling until it is back: ${e.message}`);
      if (this.listener === client) this.listener = null;
      void client.end().catch(() => undefined);
      this.relisten(1000);
    });
    await client.connect();
    await client.query(`LISTEN "${outboxChannel(this.options.schema)}"`);
    this.listener = client;
  }

  /** Whether the relay is woken by NOTIFY right now (false while it only polls). Exposed for tests. */
  get listening(): boolean {
    return this.listener !== null;
  }

  private notified(): void {
    this.woken = true;
    this.wake?.();
  }

  private relisten(delayMs: number): void {
    setTimeout(() => {
      if (!this.running || this.listener) return;
      this.listen().catch(() => this.relisten(Math.min(delayMs * 2, 30000)));
    }, delayMs).unref();
  }

  private log(level: 'info' | 'warn' | 'error', message: string, extra?: object) {
    this.options.log?.(level, message, extra);
  }
}
