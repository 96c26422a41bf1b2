import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  SlaClockBreachedV1,
  SlaClockWarnedV1,
  type DeliveryKind,
  type SlaClockKind,
  type SlaLevel,
} from '@fengqiao/contracts';
import { DurableEventHandler, type EventContext } from '@fengqiao/messaging';
import { renderSlaMessage } from '../messages/render';

export const DELIVERY_POLICY = Symbol('DELIVERY_POLICY');

/** One thing to announce on each enabled channel of a unit. */
export interface Announcement {
  /** Once per channel: a second fan-out with the same id adds nothing. */
  sourceId: string;
  kind: DeliveryKind;
  agencyId: string;
  clockId: string | null;
  clockKind: SlaClockKind | null;
  caseId: string;
  caseNumber: string;
  jurisdictionCode: string;
  level: SlaLevel;
  message: string;
  /** An SLA level goes only to channels listening to it; an alert to every enabled channel. */
  everyChannel?: boolean;
}

/**
 * Writes one pending delivery per enabled channel of the unit, each with its own encrypted copy of
 * the destination, in the caller's transaction; the unique (source, channel) index drops repeats.
 */
export async function fanOut(manager: EntityManager, a: Announcement): Promise<void> {
  await manager.query(
    `INSERT INTO notifications.deliveries
       (id, source_message_id, kind, agency_id, clock_id, clock_kind, case_id, case_number, jurisdiction_code,
        level, channel_id, channel_kind, webhook_cipher, secret_cipher, phones_cipher, message,
        status, attempts, next_attempt_at, created_at, updated_at)
     SELECT gen_random_uuid(), $1, $2, c.agency_id, $3, $4, $5, $6, $7, $8::varchar, c.id, c.kind,
            c.webhook_cipher, c.secret_cipher, c.phones_cipher, $9, 'pending', 0, now(), now(), now()
       FROM notifications.channels c
      WHERE c.agency_id = $10 AND c.enabled AND ($11 OR $8::varchar = ANY (c.levels))
      ORDER BY c.position
     ON CONFLICT (source_message_id, channel_id) DO NOTHING`,
    [
      a.sourceId,
      a.kind,
      a.clockId,
      a.clockKind,
      a.caseId,
      a.caseNumber,
      a.jurisdictionCode.padEnd(12, '0'),
      a.level,
      a.message,
      a.agencyId,
      a.everyChannel ?? false,
    ],
  );
}

export interface DeliveryPolicy {
  /** Events fired longer ago than this are not sent any more (a late consumer, a replay). */
  maxEventAgeMs: number;
}

/** Why an event is not worth sending now, or null when it is. */
export function staleness(
  event: SlaClockWarnedV1 | SlaClockBreachedV1,
  level: SlaLevel,
  maxAgeMs: number,
  now = Date.now(),
): string | null {
  const age = now - Date.parse(event.firedAt);
  if (age > maxAgeMs) return `fired ${Math.round(age / 60000)} min ago`;
  if (level !== 'red' && event.dueAt && Date.parse(event.dueAt) < now) return 'its deadline has passed';
  return null;
}

/**
 * Turns each SLA warning (黄灯/橙灯) and breach (红灯) into one pending delivery per enabled channel
 * of the unit that owes the work and listens to that level. The rows are written in the consumer's
 * transaction, beside its inbox row, so a redelivered event adds nothing; the unique (event,
 * channel) index guards the same. Sending is the delivery worker's job, never this transaction's.
 */
@Injectable()
export class CreateDeliveries {
  private readonly logger = new Logger('CreateDeliveries');

  constructor(@Inject(DELIVERY_POLICY) private readonly policy: DeliveryPolicy) {}

  @DurableEventHandler({ event: SlaClockWarnedV1, name: 'sla-clock-warned' })
  async onWarned(e: SlaClockWarnedV1, ctx: EventContext): Promise<void> {
    await this.record(e, e.level, ctx);
  }

  @DurableEventHandler({ event: SlaClockBreachedV1, name: 'sla-clock-breached' })
  async onBreached(e: SlaClockBreachedV1, ctx: EventContext): Promise<void> {
    await this.record(e, 'red', ctx);
  }

  private async record(
    e: SlaClockWarnedV1 | SlaClockBreachedV1,
    level: SlaLevel,
    { manager, messageId }: EventContext,
  ): Promise<void> {
    const stale = staleness(e, level, this.policy.maxEventAgeMs);
    if (stale) {
      this.logger.log(
        { clockId: e.clockId, slaLevel: level, messageId },
        `not notifying ${level} for case ${e.caseNumber}: ${stale}`,
      );
      return;
    }
    await fanOut(manager, {
      sourceId: messageId,
      kind: 'sla',
      agencyId: e.agencyId,
      clockId: e.clockId,
      clockKind: e.kind,
      caseId: e.caseId,
      caseNumber: e.caseNumber,
      jurisdictionCode: e.jurisdictionCode,
      level,
      message: renderSlaMessage(e, level),
    });
  }
}
