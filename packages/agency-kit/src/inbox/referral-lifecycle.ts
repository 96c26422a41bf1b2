import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ReferralAcceptedV1,
  ReferralClosedV1,
  ReferralReturnedV1,
  ReferralStartedV1,
  type Actor,
  type CloseReferralRequest,
  type InboxReferralView,
  type ReferralStatus,
  type ReturnReferralRequest,
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

export const STATUS_ZH: Record<ReferralStatus, string> = {
  issued: '待签收',
  accepted: '已签收',
  in_progress: '办理中',
  returned: '已退单',
  transferred: '已转办',
  closed: '已办结',
};

/** What each command needs the referral to be in, and what it is called. */
const STEPS = {
  accept: { from: ['issued'], zh: '签收' },
  return: { from: ['issued', 'accepted'], zh: '退单' },
  start: { from: ['accepted'], zh: '开始办理' },
  close: { from: ['accepted', 'in_progress'], zh: '办结' },
} as const satisfies Record<string, { from: readonly ReferralStatus[]; zh: string }>;
type Step = keyof typeof STEPS;

/**
 * 签收, 退单, 开始办理 and 办结: each a transaction that changes the inbox row and writes the event
 * for dispatch through the outbox.
 */
@Injectable()
export class ReferralLifecycle {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly agency: AgencyIdentity,
  ) {}

  accept(actor: Actor, referralId: string): Promise<InboxReferralView> {
    return this.dataSource.transaction(async (m) => {
      const referral = await this.lockFor(m, actor, referralId, 'accept');
      const now = new Date();
      referral.status = 'accepted';
      referral.acceptedAt = now;
      referral.acceptedById = actor.id;
      await m.save(referral);
      await this.outbox.add(m, ReferralAcceptedV1, {
        ...this.about(referral),
        acceptedAt: now.toISOString(),
        acceptedBy: actor,
      });
      return toInboxReferralView(referral);
    });
  }

  /** 退单: hands the referral back to dispatch with a reason from the list and a note. */
  returnToDispatch(
    actor: Actor,
    referralId: string,
    input: ReturnReferralRequest,
  ): Promise<InboxReferralView> {
    return this.dataSource.transaction(async (m) => {
      const referral = await this.lockFor(m, actor, referralId, 'return');
      const now = new Date();
      referral.status = 'returned';
      referral.returnReason = input.reason;
      referral.returnNote = input.note;
      referral.returnedAt = now;
      referral.returnedById = actor.id;
      // A ruling on an earlier return does not answer this one (ruledAt stays: see the entity).
      referral.ruling = null;
      referral.rulingNote = null;
      await m.save(referral);
      await this.outbox.add(m, ReferralReturnedV1, {
        ...this.about(referral),
        reason: input.reason,
        note: input.note,
        returnedAt: now.toISOString(),
        returnedBy: actor,
      });
      return toInboxReferralView(referral);
    });
  }

  /** 开始办理: the agency is working on an accepted referral. */
  start(actor: Actor, referralId: string): Promise<InboxReferralView> {
    return this.dataSource.transaction(async (m) => {
      const referral = await this.lockFor(m, actor, referralId, 'start');
      const now = new Date();
      referral.status = 'in_progress';
      referral.startedAt = now;
      referral.startedById = actor.id;
      await m.save(referral);
      await this.outbox.add(m, ReferralStartedV1, {
        ...this.about(referral),
        startedAt: now.toISOString(),
        startedBy: actor,
      });
      return toInboxReferralView(referral);
    });
  }

  /**
   * 办结 with an outcome. The agreement is kept only for a resolved referral and the next step
   * only for a failed one (the request's validation requires each there and ignores it elsewhere).
   */
  close(actor: Actor, referralId: string, input: CloseReferralRequest): Promise<InboxReferralView> {
    return this.dataSource.transaction(async (m) => {
      const referral = await this.lockFor(m, actor, referralId, 'close');
      const now = new Date();
      const agreementSummary = input.outcome === 'resolved' ? input.agreementSummary : undefined;
      const nextStep = input.outcome === 'failed' ? input.nextStep : undefined;
      referral.status = 'closed';
      referral.outcome = input.outcome;
      referral.closingNote = input.note;
      referral.agreementSummary = agreementSummary ?? null;
      referral.nextStep = nextStep ?? null;
      referral.closedAt = now;
      referral.closedById = actor.id;
      await m.save(referral);
      await this.outbox.add(m, ReferralClosedV1, {
        ...this.about(referral),
        outcome: input.outcome,
        note: input.note,
        ...(agreementSummary !== undefined ? { agreementSummary } : {}),
        ...(nextStep !== undefined ? { nextStep } : {}),
        closedAt: now.toISOString(),
        closedBy: actor,
      });
      return toInboxReferralView(referral);
    });
  }

  private about(referral: InboxReferral) {
    return {
      referralId: referral.id,
      caseId: referral.caseId,
      agencyId: referral.agencyId,
      agencyKind: this.agency.kind,
    };
  }

  private async lockFor(m: EntityManager, actor: Actor, id: string, step: Step) {
    const referral = await m.findOne(InboxReferral, { where: { id }, lock: { mode: 'pessimistic_write' } });
    // Only the agency's own staff work its referrals; to anyone else the referral does not exist.
    if (!referral || !mayWorkOn(actor, referral.agencyId)) throw notFound('referral', '派单', id);
    const { from, zh } = STEPS[step];
    if (!(from as readonly ReferralStatus[]).includes(referral.status)) {
      throw conflict(
        `cannot ${step} referral ${id}: it is ${referral.status}, and only a referral that is ${from.join(' or ')} can be`,
        `派单${STATUS_ZH[referral.status]}，不能${zh}（只有${from.map((s) => STATUS_ZH[s]).join('或')}的派单可以${zh}）`,
      );
    }
    return referral;
  }
}
