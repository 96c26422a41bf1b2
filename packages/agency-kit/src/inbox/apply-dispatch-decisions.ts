import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ReferralReturnRuledV1, ReferralTransferredV1 } from '@fengqiao/contracts';
import { DurableEventHandler, type EventContext } from '@fengqiao/messaging';
import { AgencyIdentity } from '../agency-kind';
import { InboxReferral } from './inbox-referral.entity';

const mine = (e: { agencyKind: string }, self: ApplyDispatchDecisions) => e.agencyKind === self.agency.kind;

/**
 * Applies what dispatch decides about this agency's referrals: the coordinator's ruling on a
 * return (退单驳回 puts it back to 待签收) and a transfer (转办) to another agency. Each runs in the
 * consumer's transaction, and neither a redelivery nor a stale duplicate changes anything.
 */
@Injectable()
export class ApplyDispatchDecisions {
  private readonly logger = new Logger('ApplyDispatchDecisions');

  constructor(readonly agency: AgencyIdentity) {}

  @DurableEventHandler({ event: ReferralReturnRuledV1, name: 'referral-return-ruled', filter: mine })
  async onReturnRuled(e: ReferralReturnRuledV1, { manager }: EventContext): Promise<void> {
    const referral = await this.lock(manager, e);
    if (!referral) return;
    const ruledAt = new Date(e.ruledAt);
    // A ruling answers the return in hand; one made no later than the last applied is a copy or
    // belongs to an earlier return (already answered), and the referral is no longer waiting on it.
    if (referral.status !== 'returned' || (referral.ruledAt && ruledAt <= referral.ruledAt)) {
      this.logger.log(
        `ruling on referral ${e.referralId} ignored: it is ${referral.status}, or the ruling is stale`,
      );
      return;
    }
    referral.ruling = e.ruling;
    referral.rulingNote = e.note;
    referral.ruledAt = ruledAt;
    if (e.ruling === 'overruled') {
      // 退单驳回: the agency keeps it and must 签收 it again; the return stays on record.
      referral.status = 'issued';
      referral.acceptedAt = null;
      referral.acceptedById = null;
    }
    await manager.save(referral);
  }

  @DurableEventHandler({ event: ReferralTransferredV1, name: 'referral-transferred', filter: mine })
  async onTransferred(e: ReferralTransferredV1, { manager }: EventContext): Promise<void> {
    const referral = await this.lock(manager, e);
    if (!referral) return;
    if (referral.status === 'transferred' || referral.status === 'closed') {
      if (referral.status === 'closed')
        this.logger.warn(`transfer of referral ${e.referralId} ignored: the agency already closed it`);
      return;
    }
    referral.status = 'transferred';
    referral.transferredAt = new Date(e.transferredAt);
    referral.transferredToReferralId = e.toReferralId;
    referral.transferredToAgencyId = e.toAgencyId;
    referral.transferReason = e.reason;
    await manager.save(referral);
  }

  private async lock(manager: EntityManager, e: { referralId: string; agencyId: string }) {
    const referral = await manager.findOne(InboxReferral, {
      where: { id: e.referralId },
      lock: { mode: 'pessimistic_write' },
    });
    // Not here yet: its dispatch.referral.issued.v1 is still on the way. Failing retries (with
    // backoff) until it has been applied.
    if (!referral) throw new Error(`referral ${e.referralId} is not in the inbox yet`);
    if (referral.agencyId !== e.agencyId) {
      this.logger.warn(
        `decision on referral ${e.referralId} names agency ${e.agencyId}, not its own; ignored`,
      );
      return null;
    }
    return referral;
  }
}
