import { Injectable, Logger } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import {
  CaseReopenedV1,
  FollowUpRecordedV1,
  FollowUpScheduledV1,
  type Actor,
  type CaseStatus,
  type FollowUpMethod,
  type SatisfactionLevel,
} from '@fengqiao/contracts';
import { DurableEventHandler, Outbox, type EventContext } from '@fengqiao/messaging';
import type { Agency } from '../agencies/agency.entity';
import { attempt } from '../attempt';
import { Case } from '../cases/case.entity';
import { CASE_STATUS_ZH, changeCaseStatus } from '../cases/case-status';
import { appendTimelineStep, hasTimelineStep, TimelineEntry } from '../cases/timeline-entry.entity';
import { beijingTime, Clock } from '../clock';
import { ladderLevel } from '../ladder/ladder-policy';
import { HandOvers } from '../referrals/hand-over';
import { OPEN_REFERRAL, Referral } from '../referrals/referral.entity';
import { lockReferralForEvent } from '../referrals/referral-lock';
import { SlaClocks } from '../sla/sla-clocks';

/** Who the timeline names for a reopening after a rebound, and who issues the new referral. */
export const FOLLOW_UP_ACTOR: Actor = { id: 'system:follow-up', name: '回访反弹重开', role: 'system' };

const METHOD_ZH: Record<FollowUpMethod, string> = { phone: '电话回访', visit: '上门回访' };

export const SATISFACTION_ZH: Record<SatisfactionLevel, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};

/** Where the parties left mediation for good: a rebound there is for the coordinator, not a reopening. */
const NOT_REOPENABLE: readonly CaseStatus[] = ['withdrawn', 'litigation'];

/**
 * 一事一回访 as dispatch sees it: the agency's 回访 clock runs from the scheduling to the record,
 * and a rebound (反弹) the follow-up finds reopens the dispute as a new referral to the same agency,
 * linked to the settlement that did not hold. The one way a resolved case changes back.
 */
@Injectable()
export class FollowUpProgress {
  private readonly logger = new Logger(FollowUpProgress.name);

  constructor(
    private readonly outbox: Outbox,
    private readonly clocks: SlaClocks,
    private readonly handOvers: HandOvers,
    private readonly clock: Clock,
  ) {}

  @DurableEventHandler({ event: FollowUpScheduledV1, name: 'follow-up-scheduled' })
  async onScheduled(e: FollowUpScheduledV1, { manager: m }: EventContext): Promise<void> {
    const { referral, kase, agency } = await lockReferralForEvent(m, e.referralId);
    const at = new Date(e.scheduledAt);
    const step = { caseId: kase.id, referralId: referral.id };
    if (await hasTimelineStep(m, { ...step, step: 'follow_up_scheduled', at })) return;
    await appendTimelineStep(m, {
      ...step,
      step: 'follow_up_scheduled',
      summary: `${agency.name}已安排回访（${METHOD_ZH[e.method]}，计划于 ${beijingTime(new Date(e.scheduledFor))}）`,
      actor: e.scheduledBy,
      agency,
      at,
    });
    // One 回访 clock per referral: a re-plan keeps the one running, and a record that overtook
    // this event (the two consumers run apart) leaves nothing owed.
    const recorded = await m.existsBy(TimelineEntry, { ...step, step: 'follow_up_recorded' });
    if (recorded || (await this.clocks.has(m, referral.id, 'follow_up'))) return;
    await this.clocks.startFromPolicy(m, 'follow_up', { subjectId: referral.id, agency }, kase, at);
  }

  @DurableEventHandler({ event: FollowUpRecordedV1, name: 'follow-up-recorded' })
  async onRecorded(e: FollowUpRecordedV1, { manager: m }: EventContext): Promise<void> {
    const { referral, kase, agency } = await lockReferralForEvent(m, e.referralId);
    const at = new Date(e.recordedAt);
    const step = { caseId: kase.id, referralId: referral.id };
    if (await hasTimelineStep(m, { ...step, step: 'follow_up_recorded', at })) return;
    await this.clocks.stop(m, { subjectId: referral.id }, ['follow_up'], 'done', at);
    const notReopened = e.rebound ? await this.reopen(m, e, referral, kase, agency) : null;
    const rebound = !e.rebound ? '' : notReopened ? `，纠纷反弹（${notReopened}）` : '，纠纷反弹，已重新派单';
    await appendTimelineStep(m, {
      ...step,
      step: 'follow_up_recorded',
      summary: `${agency.name}${METHOD_ZH[e.method]}：${SATISFACTION_ZH[e.satisfaction]}${rebound}。${e.note}`,
      actor: e.recordedBy,
      agency,
      at,
    });
  }

  /**
   * 反弹重开: the case goes back to the agency that settled it, as a new referral issued the normal
   * way (its 签收 clock starts and the agency's inbox gets it). Nothing happens twice: not for a
   * settlement already reopened, nor while the agency still holds an open referral on the case.
   * Returns why it did not reopen, or null when it did.
   */
  private async reopen(
    m: EntityManager,
    e: FollowUpRecordedV1,
    settled: Referral,
    kase: Case,
    agency: Agency,
  ): Promise<string | null> {
    if (await m.existsBy(Referral, { reopenedFromReferralId: settled.id })) return '已重开';
    const open = await m.existsBy(Referral, {
      caseId: kase.id,
      agencyId: agency.id,
      status: In([...OPEN_REFERRAL]),
    });
    if (open) return `${agency.name}尚有在办派单，未重复派单`;
    if (NOT_REOPENABLE.includes(kase.status)) return `案件${CASE_STATUS_ZH[kase.status]}，请协调员处理`;
    const now = this.clock.now();
    const rung = await ladderLevel(m, kase.ladderCode, kase.ladderLevel);
    const done = await attempt(m, async (sp) => {
      await appendTimelineStep(sp, {
        caseId: kase.id,
        step: 'case_reopened',
        summary: `反弹重开：${agency.name}回访当事人${SATISFACTION_ZH[e.satisfaction]}，纠纷反弹，重新派单。${e.note}`,
        actor: FOLLOW_UP_ACTOR,
        agency,
        referralId: settled.id,
        at: now,
      });
      if (kase.status === 'resolved') {
        await changeCaseStatus(
          sp,
          this.outbox,
          kase,
          'referred',
          `reopened: ${agency.name} found a rebound`,
          now,
        );
      }
      const [referralId] = await this.handOvers.issue(
        sp,
        FOLLOW_UP_ACTOR,
        kase,
        [{ agencyId: agency.id, role: settled.role, field: 'agencyId' }],
        {
          note: `反弹重开：${e.note}`,
          // The agency settled this dispute before; the matrix of today does not take it away.
          overrideReason: '反弹重开，由原调解单位继续办理',
          // A lawyer the parties chose keeps their choice.
          chosenByParties: rung.mode === 'parties_choose_lawyer' && settled.agencyKind === 'lawyer',
          reopenedFromReferralId: settled.id,
        },
        now,
      );
      kase.rebound = true;
      await sp.update(Case, { id: kase.id }, { rebound: true });
      await this.outbox.add(sp, CaseReopenedV1, {
        caseId: kase.id,
        caseNumber: kase.caseNumber,
        referralId,
        fromReferralId: settled.id,
        agencyId: agency.id,
        agencyKind: settled.agencyKind,
        followUpId: e.followUpId,
        satisfaction: e.satisfaction,
        note: e.note,
        reopenedAt: now.toISOString(),
        reopenedBy: FOLLOW_UP_ACTOR,
      });
    });
    if (done.ok) return null;
    this.logger.warn(`case ${kase.caseNumber}: rebound not reopened: ${done.refusal.message}`);
    return `未能重开：${done.refusal.messageZh}，请协调员处理`;
  }
}
