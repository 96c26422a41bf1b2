import {
  AckPolicy,
  DeliverPolicy,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
} from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { DataSource } from 'typeorm';
import type { EventContract } from '@fengqiao/contracts';
import { HubError } from '@fengqiao/errors';
import { checkEvent } from '@fengqiao/access-token';
import { failpoint } from '../failpoints';
import { EVENT_SIGNATURE_HEADER } from '../outbox/outbox-relay';
import { InboxMessage } from '../inbox/inbox-message.entity';
import type { EventContext } from './durable-event-handler.decorator';
import { deadLetterSubject } from './streams';

export interface ConsumerSpec {
  stream: string;
  durable: string;
  contract: EventContract;
  maxAttempts: number;
  /** When set, an event without a valid Fq-Signature is refused (dead-lettered): not from a hub service. */
  signingKey?: string;
  /** Redelivery delay for a message taken but never acknowledged (a crashed consumer). */
  ackWaitMs?: number;
  filter?: (event: object) => boolean;
  handle: (event: object, ctx: EventContext) => Promise<void>;
}

type Log = (level: 'info' | 'warn' | 'error', message: string, extra?: object) => void;

/** Why a message cannot succeed however often it is retried. */
class PermanentFailure extends Error {}

export function retryDelayMs(deliveryCount: number): number {
  return Math.min(500 * 2 ** (deliveryCount - 1), 30000);
}

/**
 * A pull consumer that applies each message in one database transaction together with its inbox
 * row, acknowledges after commit, retries with backoff, and dead-letters after maxAttempts.
 */
export class DurableConsumer {
  private messages: ConsumerMessages | null = null;
  private running = false;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly dataSource: DataSource,
    private readonly spec: ConsumerSpec,
    private readonly log: Log,
  ) {}

  /** Creates the durable consumer or brings its settings up to date. */
  async ensure(): Promise<void> {
    const config = {
      durable_name: this.spec.durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: this.spec.contract.subject,
      ack_wait: (this.spec.ackWaitMs ?? 30000) * 1e6,
      // One more than ours, so our dead-lettering always gets its turn first.
      max_deliver: this.spec.maxAttempts + 1,
      max_ack_pending: 1000,
    };
    const existing = await this.jsm.consumers.info(this.spec.stream, this.spec.durable).catch(() => null);
    if (!existing) {
      await this.jsm.consumers.add(this.spec.stream, config);
    } else if (
      existing.config.max_deliver !== config.max_deliver ||
      existing.config.filter_subject !== config.filter_subject ||
      existing.config.ack_wait !== config.ack_wait
    ) {
      await this.jsm.consumers.update(this.spec.stream, this.spec.durable, config);
    }
  }

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  /** Stops pulling, lets the message in hand finish, then returns. */
  async stop(): Promise<void> {
    this.running = false;
    this.messages?.stop();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        const consumer = await this.js.consumers.get(this.spec.stream, this.spec.durable);
        this.messages = await consumer.consume({ max_messages: 64 });
        if (!this.running) this.messages.stop();
        for await (const m of this.messages) {
          await this.process(m);
        }
      } catch (e) {
        if (!this.running) break;
        this.log('warn', `consumer ${this.spec.durable} interrupted, resuming: ${(e as Error).message}`);
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  /** Handles one message. Public so tests can drive it deterministically. */
  async process(m: JsMsg): Promise<void> {
    const messageId = m.headers?.get('Nats-Msg-Id') || `${m.info.stream}:${m.seq}`;
    try {
      if (
        this.spec.signingKey &&
        !checkEvent(
          m.subject,
          messageId,
          m.string(),
          m.headers?.get(EVENT_SIGNATURE_HEADER),
          this.spec.signingKey,
        )
      ) {
        throw new PermanentFailure('the event is not signed by a hub service');
      }
      const event = await this.decode(m);
      if (this.spec.filter && !this.spec.filter(event)) {
        m.ack();
        return;
      }
      await this.dataSource.transaction(async (manager) => {
        const inserted = await manager
          .createQueryBuilder()
          .insert()
          .into(InboxMessage)
          .values({ consumer: this.spec.durable, messageId, subject: m.subject })
          .orIgnore()
          .returning('message_id')
          .execute();
        if ((inserted.raw as unknown[]).length === 0) return; // already applied: just acknowledge
        await this.spec.handle(event, {
          manager,
          messageId,
          subject: m.subject,
          deliveryCount: m.info.deliveryCount,
        });
      });
      failpoint('consumer.after-commit', [m.subject]);
      m.ack();
    } catch (e) {
      await this.fail(m, messageId, e as Error);
    }
  }

  private async decode(m: JsMsg): Promise<object> {
    let plain: unknown;
    try {
      plain = m.json();
    } catch {
      throw new PermanentFailure('payload is not JSON');
    }
    const event = plainToInstance(this.spec.contract, plain) as object;
    const errors = await validate(event, { forbidUnknownValues: false });
    if (errors.length > 0)
      throw new PermanentFailure(
        `payload breaks ${this.spec.contract.subject}: ${errors.map(String).join('; ')}`,
      );
    return event;
  }

  private async fail(m: JsMsg, messageId: string, error: Error): Promise<void> {
    const permanent = error instanceof PermanentFailure || (error instanceof HubError && error.status < 500);
    const attempt = m.info.deliveryCount;
    if (!permanent && attempt < this.spec.maxAttempts) {
      this.log(
        'warn',
        `consumer ${this.spec.durable}: message ${messageId} failed (attempt ${attempt}), will retry`,
        {
          error: error.message,
        },
      );
      m.nak(retryDelayMs(attempt));
      return;
    }
    try {
      const h = natsHeaders();
      h.set('Original-Subject', m.subject);
      h.set('Original-Msg-Id', messageId);
      h.set('Consumer', this.spec.durable);
      h.set('Attempts', String(attempt));
      h.set('Error', error.message.slice(0, 500).replace(/[\r\n]+/g, ' '));
      await this.js.publish(deadLetterSubject(this.spec.durable), m.data, {
        msgID: `${this.spec.durable}:${messageId}`,
        headers: h,
      });
      // No reason: nats-server 2.9 ignores a terminate that carries one and keeps redelivering.
      m.term();
      this.log(
        'error',
        `consumer ${this.spec.durable}: message ${messageId} dead-lettered after ${attempt} attempt(s)`,
        {
          error: error.message,
        },
      );
    } catch (publishError) {
      this.log('error', `consumer ${this.spec.durable}: could not dead-letter ${messageId}, will retry`, {
        error: (publishError as Error).message,
      });
      m.nak(retryDelayMs(attempt));
    }
  }
}
