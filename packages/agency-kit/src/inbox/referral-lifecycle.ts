import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ReferralAcceptedV1,
  ReferralClosedV1,
  type Actor,
  type CloseReferralRequest,
  type InboxReferralView,
  type ReferralStatus,
} from '@fengqiao/contracts';
import { conflict, notFound } from '@fengqiao/errors';
import { Outbox } from '@fengqiao/messaging';
import { AgencyIdentity } from '../agency-kind';
import { InboxReferral } from './inbox-referral.entity';
import { toInboxReferralView } from './inbox.views';

/** Agency staff and mediators of the referral's own agency (from the signed actor). */
export function mayWorkOn(actor: Actor, agencyId: string): boolean {
  return (actor.role === 'agency_staff' || actor.role === 'mediator') && actor.agencyId === agencyId;
}

const STATUS_ZH: Record<ReferralStatus, string> = { issued: '待签收', accepted: '已签收', closed: '已办结' };

/** 签收 and 办结: each a transaction that changes the inbox row and writes the event for dispatch. */
@Injectable()
export class ReferralLifecycle {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly agency: AgencyIdentity,
  ) {}

  accept(actor: Actor, referralId: string): Promise<InboxReferralView> {
    return this.dataSource.transaction(async (m) => {
      const referral = await this.lockInState(m, actor, referralId, 'issued', 'accept', '签收');
      const now = new Date();
      referral.status = 'accepted';
      referral.acceptedAt = now;
      referral.acceptedById = actor.id;
      await m.save(referral);
      await this.outbox.add(m, ReferralAcceptedV1, {
        referralId,
        caseId: referral.caseId,
        agencyId: referral.agencyId,
        agencyKind: this.agency.kind,
        acceptedAt: now.toISOString(),
        acceptedBy: actor,
      });
      return toInboxReferralView(referral);
    });
  }

  close(actor: Actor, referralId: string, input: CloseReferralRequest): Promise<InboxReferralView> {
    return this.dataSource.transaction(async (m) => {
      const referral = await this.lockInState(m, actor, referralId, 'accepted', 'close', '办结');
      const now = new Date();
      referral.status = 'closed';
      referral.outcome = input.outcome;
      referral.closingNote = input.note;
      referral.closedAt = now;
      referral.closedById = actor.id;
      await m.save(referral);
      await this.outbox.add(m, ReferralClosedV1, {
        referralId,
        caseId: referral.caseId,
        agencyId: referral.agencyId,
        agencyKind: this.agency.kind,
        outcome: input.outcome,
        note: input.note,
        closedAt: now.toISOString(),
        closedBy: actor,
      });
      return toInboxReferralView(referral);
    });
  }

  private async lockInState(
    m: EntityManager,
    actor: Actor,
    id: string,
    required: ReferralStatus,
    verb: string,
    verbZh: string,
  ) {
    const referral = await m.findOne(InboxReferral, { where: { id }, lock: { mode: 'pessimistic_write' } });
    // Only the agency's own staff work its referrals; to anyone else the referral does not exist.
    if (!referral || !mayWorkOn(actor, referral.agencyId)) throw notFound('referral', '派单', id);
    if (referral.status !== required) {
      throw conflict(
        `cannot ${verb} referral ${id}: it is ${referral.status}, and only a referral that is ${required} can be`,
        `派单${STATUS_ZH[referral.status]}，不能${verbZh}（只有${STATUS_ZH[required]}的派单可以${verbZh}）`,
      );
    }
    return referral;
  }
}
