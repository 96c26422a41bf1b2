import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FollowUpScheduledV1, type Actor } from '@fengqiao/contracts';
import { Outbox } from '@fengqiao/messaging';
import { AgencyIdentity } from '../agency-kind';
import type { AgencyEnv } from '../config';
import { AGENCY_CONFIG } from '../dispatch-link/dispatch-client';
import type { InboxReferral } from '../inbox/inbox-referral.entity';
import { followUpFacts } from './follow-up-facts';
import { FollowUp } from './follow-up.entity';

const DAY_MS = 24 * 3600_000;

/**
 * 一事一回访: a referral closed as resolved gets its follow-up in the closing transaction, by
 * phone, FOLLOW_UP_AFTER_DAYS whole days after closing; dispatch starts the 回访 clock from the event.
 */
@Injectable()
export class FollowUpScheduler {
  constructor(
    private readonly outbox: Outbox,
    private readonly agency: AgencyIdentity,
    @Inject(AGENCY_CONFIG) private readonly config: AgencyEnv,
  ) {}

  async onResolved(m: EntityManager, referral: InboxReferral, actor: Actor): Promise<FollowUp> {
    const closedAt = referral.closedAt ?? new Date();
    const followUp = m.create(FollowUp, {
      id: randomUUID(),
      referralId: referral.id,
      agencyId: referral.agencyId,
      status: 'scheduled',
      method: 'phone',
      scheduledFor: new Date(closedAt.getTime() + this.config.FOLLOW_UP_AFTER_DAYS * DAY_MS),
      scheduledAt: closedAt,
      scheduledById: actor.id,
      assigneeMediatorId: null,
    });
    await m.save(followUp);
    await this.outbox.add(m, FollowUpScheduledV1, followUpFacts(referral, followUp, this.agency.kind, actor));
    return followUp;
  }
}
