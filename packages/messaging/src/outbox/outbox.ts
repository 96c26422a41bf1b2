import { randomUUID } from 'node:crypto';
import { instanceToPlain } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { EntityManager } from 'typeorm';
import type { EventContract } from '@fengqiao/contracts';
import { OutboxMessage } from './outbox-message.entity';

export const outboxChannel = (schema: string) => `outbox_${schema}`;

/** Writes events into the outbox inside the caller's transaction. */
export class Outbox {
  constructor(private readonly schema: string) {}

  /**
   * Adds one event; it goes out only if the surrounding transaction commits.
   * The event is validated here so a producer bug fails the command, not a consumer later.
   */
  async add<T extends object>(manager: EntityManager, contract: EventContract<T>, event: T): Promise<string> {
    const instance = Object.assign(new contract(), event);
    const errors = validateSync(instance, { forbidUnknownValues: false });
    if (errors.length > 0) {
      throw new Error(`event ${contract.subject} is invalid: ${errors.map((e) => e.toString()).join('; ')}`);
    }
    const messageId = randomUUID();
    await manager.insert(OutboxMessage, {
      messageId,
      subject: contract.subject,
      payload: instanceToPlain(instance),
      headers: {},
    });
    // Wakes the relay at commit time; the relay also polls, so a lost notification only delays.
    await manager.query('SELECT pg_notify($1, $2)', [outboxChannel(this.schema), messageId]);
    return messageId;
  }

  /**
   * Adds many events of one contract in one INSERT and one wake-up, in order: for a batch writer
   * (the SLA timer engine) whose cost per event must stay small. Validated like `add`.
   */
  async addMany<T extends object>(
    manager: EntityManager,
    contract: EventContract<T>,
    events: T[],
  ): Promise<string[]> {
    if (events.length === 0) return [];
    const rows = events.map((event) => {
      const instance = Object.assign(new contract(), event);
      const errors = validateSync(instance, { forbidUnknownValues: false });
      if (errors.length > 0) {
        throw new Error(
          `event ${contract.subject} is invalid: ${errors.map((e) => e.toString()).join('; ')}`,
        );
      }
      return {
        messageId: randomUUID(),
        subject: contract.subject,
        payload: instanceToPlain(instance),
        headers: {},
      };
    });
    await manager.insert(OutboxMessage, rows);
    await manager.query('SELECT pg_notify($1, $2)', [outboxChannel(this.schema), rows[0].messageId]);
    return rows.map((r) => r.messageId);
  }
}
