import { SetMetadata } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventContract } from '@fengqiao/contracts';

export const DURABLE_EVENT_HANDLER = 'fengqiao:durable-event-handler';

export interface DurableEventHandlerOptions {
  /** The event contract to consume; its subject is the consumer's filter. */
  event: EventContract;
  /** Short name of this consumer; the durable name is `<service>__<name>`. */
  name: string;
  /**
   * Messages this instance does not care about (e.g. a referral for another agency kind) are
   * acknowledged without a transaction or an inbox row.
   */
  filter?: (event: any, instance: any) => boolean;
  /** Attempts before a message goes to the dead-letter stream. */
  maxAttempts?: number;
}

export interface EventContext {
  /** The transaction the handler's writes must use: it also records the message in the inbox. */
  manager: EntityManager;
  messageId: string;
  subject: string;
  deliveryCount: number;
}

/**
 * Marks a provider method `(event, ctx: EventContext) => Promise<void>` as a durable JetStream
 * consumer: at-least-once delivery, exactly-once effect through the inbox.
 */
export const DurableEventHandler = (options: DurableEventHandlerOptions) =>
  SetMetadata(DURABLE_EVENT_HANDLER, options);
