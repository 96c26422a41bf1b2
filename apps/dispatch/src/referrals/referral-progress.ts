import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ReferralAcceptedV1,
  ReferralClosedV1,
  type CaseStatus,
  type ReferralOutcome,
} from '@fengqiao/contracts';
import { notFound } from '@fengqiao/errors';
import { DurableEventHandler, Outbox, type EventContext } from '@fengqiao/messaging';
import { Agency } from '../agencies/agency.entity';
import { Case } from '../cases/case.entity';
import { changeCaseStatus } from '../cases/case-status';
import { appendTimelineStep } from '../cases/timeline-entry.entity';
import { movesForward, Referral } from './referral.entity';

const OUTCOME_ZH: Record<ReferralOutcome, string> = {
  resolved: '调解成功',
  failed: '调解不成',
  withdrawn: '撤回',
};

/** Applies what agencies report (签收, 办结) to dispatch's referrals, cases and timelines. */
@Injectable()
export class ReferralProgress {
  constructor(private readonly outbox: Outbox) {}

  @DurableEventHandler({ event: ReferralAcceptedV1, name: 'referral-accepted' })
  async onAccepted(e: ReferralAcceptedV1, { manager }: EventContext): Promise<void> {
    const { referral, kase, agency } = await this.load(manager, e.referralId);
    if (!movesForward(referral.status, 'accepted')) return;
    const at = new Date(e.acceptedAt);
    await manager.update(Referral, { id: referral.id }, { status: 'accepted', acceptedAt: at });
    await appendTimelineStep(manager, {
      caseId: kase.id,
      step: 'referral_accepted',
      summary: `${agency.name}签收派单`,
      actor: e.acceptedBy,
      agency,
      referralId: referral.id,
      at,
    });
    if (kase.status === 'referred')
      await changeCaseStatus(manager, this.outbox, kase, 'in_mediation', `accepted by ${agency.name}`, at);
  }

  @DurableEventHandler({ event: ReferralClosedV1, name: 'referral-closed' })
  async onClosed(e: ReferralClosedV1, { manager }: EventContext): Promise<void> {
    const { referral, kase, agency } = await this.load(manager, e.referralId);
    if (!movesForward(referral.status, 'closed')) return;
    const at = new Date(e.closedAt);
    await manager.update(
      Referral,
      { id: referral.id },
      { status: 'closed', outcome: e.outcome, closingNote: e.note, closedAt: at },
    );
    await appendTimelineStep(manager, {
      caseId: kase.id,
      step: 'referral_closed',
      summary: `${agency.name}办结：${OUTCOME_ZH[e.outcome]}。${e.note}`,
      actor: e.closedBy,
      agency,
      referralId: referral.id,
      at,
    });
    const next = await this.caseStatusAfterClosing(manager, kase, e.outcome);
    await changeCaseStatus(
      manager,
      this.outbox,
      kase,
      next,
      `${agency.name} closed its referral: ${e.outcome}`,
      at,
    );
  }

  /**
   * The case's status once a referral has closed, from all of its referrals: while any is open
   * the case is still being handled; then one success resolves it, a withdrawal withdraws it,
   * and failures leave it unresolved for the coordinator. A resolved or withdrawn case stays so.
   */
  private async caseStatusAfterClosing(
    manager: EntityManager,
    kase: Case,
    outcome: ReferralOutcome,
  ): Promise<CaseStatus> {
    if (kase.status === 'resolved' || kase.status === 'withdrawn') return kase.status;
    const referrals = await manager.findBy(Referral, { caseId: kase.id });
    const open = referrals.filter((r) => r.status !== 'closed');
    if (open.length > 0) return open.some((r) => r.status === 'accepted') ? 'in_mediation' : 'referred';
    if (referrals.some((r) => r.outcome === 'resolved')) return 'resolved';
    return outcome === 'withdrawn' ? 'withdrawn' : 'unresolved';
  }

  private async load(manager: EntityManager, referralId: string) {
    const referral = await manager.findOne(Referral, {
      where: { id: referralId },
      lock: { mode: 'pessimistic_write' },
    });
    // Permanent: the event names a referral dispatch never issued; it goes to dead letters.
    if (!referral) throw notFound('referral', '派单', referralId);
    const kase = await manager.findOne(Case, {
      where: { id: referral.caseId },
      lock: { mode: 'pessimistic_write' },
    });
    const agency = await manager.findOneBy(Agency, { id: referral.agencyId });
    if (!kase || !agency) throw notFound('case', '案件', referral.caseId);
    return { referral, kase, agency };
  }
}
