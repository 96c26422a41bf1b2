import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import {
  CaseFlaggedV1,
  ReferralAcceptedV1,
  ReferralClosedV1,
  ReferralReturnedV1,
  ReferralStartedV1,
  RETURN_REASONS,
  type CaseStatus,
  type NextStep,
  type ReferralOutcome,
  type ReturnReason,
} from '@fengqiao/contracts';
import { DurableEventHandler, Outbox, type EventContext } from '@fengqiao/messaging';
import { Jurisdiction } from '../agencies/jurisdiction.entity';
import { Case } from '../cases/case.entity';
import { changeCaseStatus } from '../cases/case-status';
import { appendTimelineStep } from '../cases/timeline-entry.entity';
import { DispatchEnv } from '../config';
import { LadderLevel } from '../ladder/ladder.entity';
import { RoutingMatrix } from '../routing/routing-matrix';
import { SlaClocks } from '../sla/sla-clocks';
import { movesForward, OPEN_REFERRAL, REFERRAL_CLOCKS, Referral } from './referral.entity';
import { lockReferralForEvent } from './referral-lock';

export const OUTCOME_ZH: Record<ReferralOutcome, string> = {
  resolved: '调解成功',
  failed: '调解不成',
  withdrawn: '撤回',
  litigation: '转诉讼',
};

export const RETURN_REASON_ZH: Record<ReturnReason, string> = {
  not_our_jurisdiction: '不属本辖区',
  not_our_responsibility: '不属本单位职责',
  needs_other_department: '需其他部门处理',
  duplicate: '重复件',
  parties_unreachable: '当事人无法联系',
  other: '其他',
};

const NEXT_STEP_ZH: Record<NextStep, string> = {
  escalate: '升级调解',
  litigation: '引导诉讼',
  arbitration: '申请仲裁',
  administrative: '行政处理',
  other: '其他',
};

/** Reasons that dispute whose job the case is; the matrix can contradict them. */
const RESPONSIBILITY_REASONS: readonly ReturnReason[] = RETURN_REASONS.filter(
  (r) => r === 'not_our_responsibility' || r === 'needs_other_department' || r === 'not_our_jurisdiction',
);

/** Applies what agencies report (签收, 退单, 开始办理, 办结) to dispatch's referrals, cases and timelines. */
@Injectable()
export class ReferralProgress {
  constructor(
    private readonly outbox: Outbox,
    private readonly matrix: RoutingMatrix,
    private readonly settings: DispatchEnv,
    private readonly clocks: SlaClocks,
  ) {}

  @DurableEventHandler({ event: ReferralAcceptedV1, name: 'referral-accepted' })
  async onAccepted(e: ReferralAcceptedV1, { manager }: EventContext): Promise<void> {
    const { referral, kase, agency } = await lockReferralForEvent(manager, e.referralId);
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
    // 首接负责 ends when the lead's hand-over is accepted: the case is that agency's now.
    if (referral.role === 'lead') await manager.update(Case, { id: kase.id }, { ownerAgencyId: agency.id });
    // 签收 met; 首次联系 and 办结 are owed from now.
    await this.clocks.stop(manager, { subjectId: referral.id }, ['accept'], 'done', at);
    const owner = { subjectId: referral.id, agency };
    await this.clocks.startFromPolicy(manager, 'first_contact', owner, kase, at);
    await this.clocks.startFromPolicy(manager, 'resolve', owner, kase, at);
    if (kase.status === 'referred')
      await changeCaseStatus(manager, this.outbox, kase, 'in_mediation', `accepted by ${agency.name}`, at);
  }

  @DurableEventHandler({ event: ReferralStartedV1, name: 'referral-started' })
  async onStarted(e: ReferralStartedV1, { manager }: EventContext): Promise<void> {
    const { referral, kase, agency } = await lockReferralForEvent(manager, e.referralId);
    if (!movesForward(referral.status, 'in_progress')) return;
    const at = new Date(e.startedAt);
    await manager.update(
      Referral,
      { id: referral.id },
      { status: 'in_progress', startedAt: at, acceptedAt: referral.acceptedAt ?? at },
    );
    await appendTimelineStep(manager, {
      caseId: kase.id,
      step: 'referral_started',
      summary: `${agency.name}开始办理`,
      actor: e.startedBy,
      agency,
      referralId: referral.id,
      at,
    });
    // Starting the mediation is the first contact; an agency that started without 签收 also accepted.
    await this.clocks.stop(manager, { subjectId: referral.id }, ['accept', 'first_contact'], 'done', at);
    if (!(await this.clocks.has(manager, referral.id, 'resolve')))
      await this.clocks.startFromPolicy(manager, 'resolve', { subjectId: referral.id, agency }, kase, at);
    if (kase.status === 'referred')
      await changeCaseStatus(manager, this.outbox, kase, 'in_mediation', `${agency.name} started`, at);
  }

  /**
   * 退单. A return whose reason disputes responsibility while the matrix names the agency's kind
   * for the case waits for the coordinator's ruling; repeated returns flag the case (推诿扯皮).
   */
  @DurableEventHandler({ event: ReferralReturnedV1, name: 'referral-returned' })
  async onReturned(e: ReferralReturnedV1, { manager }: EventContext): Promise<void> {
    const { referral, kase, agency } = await lockReferralForEvent(manager, e.referralId);
    if (!movesForward(referral.status, 'returned')) return;
    const at = new Date(e.returnedAt);
    const contested = await this.matrixContradicts(manager, referral, kase, e.reason);
    await manager.update(
      Referral,
      { id: referral.id },
      {
        status: 'returned',
        returnReason: e.reason,
        returnNote: e.note,
        returnedAt: at,
        awaitingRuling: contested,
      },
    );
    await this.clocks.stop(manager, { subjectId: referral.id }, REFERRAL_CLOCKS, 'returned', at);
    kase.returnCount += 1;
    await manager.update(Case, { id: kase.id }, { returnCount: kase.returnCount });
    await appendTimelineStep(manager, {
      caseId: kase.id,
      step: 'referral_returned',
      summary: `${agency.name}退单：${RETURN_REASON_ZH[e.reason]}。${e.note}${contested ? '（与责任矩阵不符，待协调员裁定）' : ''}`,
      actor: e.returnedBy,
      agency,
      referralId: referral.id,
      at,
    });
    if (!kase.pingPong && kase.returnCount >= this.settings.PING_PONG_RETURNS)
      await this.flagPingPong(manager, kase, at);
    await this.settleCaseStatus(manager, kase, `${agency.name} returned its referral`, at);
  }

  @DurableEventHandler({ event: ReferralClosedV1, name: 'referral-closed' })
  async onClosed(e: ReferralClosedV1, { manager }: EventContext): Promise<void> {
    const { referral, kase, agency } = await lockReferralForEvent(manager, e.referralId);
    if (!movesForward(referral.status, 'closed')) return;
    const at = new Date(e.closedAt);
    await manager.update(
      Referral,
      { id: referral.id },
      {
        status: 'closed',
        outcome: e.outcome,
        closingNote: e.note,
        agreementSummary: e.agreementSummary ?? null,
        nextStep: e.nextStep ?? null,
        closedAt: at,
      },
    );
    await this.clocks.stop(manager, { subjectId: referral.id }, REFERRAL_CLOCKS, 'done', at);
    const next = e.nextStep ? `；建议下一步：${NEXT_STEP_ZH[e.nextStep]}` : '';
    await appendTimelineStep(manager, {
      caseId: kase.id,
      step: 'referral_closed',
      summary: `${agency.name}办结：${OUTCOME_ZH[e.outcome]}。${e.note}${next}`,
      actor: e.closedBy,
      agency,
      referralId: referral.id,
      at,
    });
    if (e.outcome === 'failed' && e.nextStep === 'escalate') await this.proposeNextLevel(manager, kase);
    await this.settleCaseStatus(manager, kase, `${agency.name} closed its referral: ${e.outcome}`, at);
  }

  /**
   * The case's status from all of its referrals: while any is open it is being handled; then one
   * success resolves it, litigation sends it to court, a withdrawal withdraws it, and failures or
   * returns leave it with the coordinator (unresolved, or 待派单 when nothing was tried).
   */
  private async settleCaseStatus(
    manager: EntityManager,
    kase: Case,
    reason: string,
    at: Date,
  ): Promise<void> {
    if (kase.status === 'resolved' || kase.status === 'withdrawn' || kase.status === 'litigation') return;
    const all = await manager.findBy(Referral, { caseId: kase.id });
    // A settlement that rebounded (反弹) was reopened by a later referral: it no longer settles the case.
    const reopened = new Set(all.map((r) => r.reopenedFromReferralId));
    const referrals = all.filter((r) => !reopened.has(r.id));
    const open = referrals.filter((r) => OPEN_REFERRAL.includes(r.status));
    let next: CaseStatus;
    if (open.length > 0) next = open.some((r) => r.status !== 'issued') ? 'in_mediation' : 'referred';
    else if (referrals.some((r) => r.outcome === 'resolved')) next = 'resolved';
    else if (referrals.some((r) => r.outcome === 'litigation')) next = 'litigation';
    else if (referrals.some((r) => r.outcome === 'failed')) next = 'unresolved';
    else if (referrals.some((r) => r.outcome === 'withdrawn')) next = 'withdrawn';
    else next = 'registered';
    await changeCaseStatus(manager, this.outbox, kase, next, reason, at);
  }

  /** Whether the matrix the referral was issued under names the agency's kind for this case. */
  private async matrixContradicts(
    manager: EntityManager,
    referral: Referral,
    kase: Case,
    reason: ReturnReason,
  ): Promise<boolean> {
    if (!RESPONSIBILITY_REASONS.includes(reason)) return false;
    const node = await manager.findOneByOrFail(Jurisdiction, { code: kase.jurisdictionCode });
    const version = referral.matrixVersion ?? (await this.matrix.currentVersion(manager));
    const entries = await this.matrix.entriesFor(manager, version, kase.disputeType, node.level);
    return entries.some((e) => e.agencyKind === referral.agencyKind);
  }

  private async flagPingPong(manager: EntityManager, kase: Case, at: Date): Promise<void> {
    kase.pingPong = true;
    await manager.update(Case, { id: kase.id }, { pingPong: true });
    const returned = await manager.find(Referral, {
      where: { caseId: kase.id, status: In(['returned']) },
      relations: { agency: true },
    });
    const detail = `推诿扯皮：已被退单 ${kase.returnCount} 次（${returned.map((r) => r.agency?.name).join('、')}）`;
    await appendTimelineStep(manager, {
      caseId: kase.id,
      step: 'case_flagged',
      summary: detail,
      actor: { id: 'system', name: '系统' },
      at,
    });
    await this.outbox.add(manager, CaseFlaggedV1, {
      caseId: kase.id,
      caseNumber: kase.caseNumber,
      flag: 'ping_pong',
      detail,
      linkedCaseIds: [],
      flaggedAt: at.toISOString(),
    });
  }

  /** A failed mediation proposes the next rung of the case's ladder, if there is one. */
  private async proposeNextLevel(manager: EntityManager, kase: Case): Promise<void> {
    const next = await manager.findOneBy(LadderLevel, {
      ladderCode: kase.ladderCode,
      level: kase.ladderLevel + 1,
    });
    if (next) await manager.update(Case, { id: kase.id }, { proposedLevel: next.level });
  }
}
