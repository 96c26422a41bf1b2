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
  type ReturnReferralRequest,
} from '@fengqiao/contracts';
import { Outbox } from '@fengqiao/messaging';
import { AgencyIdentity } from '../agency-kind';
import { FollowUpScheduler } from '../follow-ups/follow-up-scheduler';
import { InboxReferral } from './inbox-referral.entity';
import { toInboxReferralView } from './inbox.views';
import { lockWorkingReferral, referralFacts, type ReferralWork } from './working-referrals';

/** What each command needs the referral to be in, and what it is called. */
const STEPS = {
  accept: { from: ['issued'], en: 'accept referral', zh: '签收' },
  return: { from: ['issued', 'accepted'], en: 'return referral', zh: '退单' },
  start: { from: ['accepted'], en: 'start referral', zh: '开始办理' },
  close: { from: ['accepted', 'in_progress'], en: 'close referral', zh: '办结' },
} as const satisfies Record<string, ReferralWork>;
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
    private readonly followUps: FollowUpScheduler,
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
      await this.startIn(m, referral, actor, new Date());
      return toInboxReferralView(referral);
    });
  }

  /**
   * 开始办理 inside a transaction that holds the accepted referral locked: the command above, and
   * the first mediation session (the work started when that session was held).
   */
  async startIn(m: EntityManager, referral: InboxReferral, actor: Actor, at: Date): Promise<void> {
    referral.status = 'in_progress';
    referral.startedAt = at;
    referral.startedById = actor.id;
    await m.save(referral);
    await this.outbox.add(m, ReferralStartedV1, {
      ...this.about(referral),
      startedAt: at.toISOString(),
      startedBy: actor,
    });
  }

  /**
   * 办结 with an outcome, recording who closed it. The agreement is kept only for a resolved
   * referral and the next step only for a failed one (the request's validation requires each there
   * and ignores it elsewhere). A resolved referral gets its follow-up (一事一回访) in the same transaction.
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
      if (input.outcome === 'resolved') await this.followUps.onResolved(m, referral, actor);
      return toInboxReferralView(referral);
    });
  }

  private about(referral: InboxReferral) {
    return referralFacts(referral, this.agency.kind);
  }

  private lockFor(m: EntityManager, actor: Actor, id: string, step: Step) {
    return lockWorkingReferral(m, actor, id, STEPS[step]);
  }
}
