import { Injectable } from '@nestjs/common';
import {
  RISK_LEVELS,
  ViolenceRiskAssessedV1,
  type RiskLevel,
  type ViolenceRiskGrade,
} from '@fengqiao/contracts';
import { DurableEventHandler, type EventContext } from '@fengqiao/messaging';
import { ChangeCaseRisk, RISK_ZH } from '../cases/change-case-risk';
import { appendTimelineStep, hasTimelineStep } from '../cases/timeline-entry.entity';
import { Clock } from '../clock';
import { lockReferralForEvent } from '../referrals/referral-lock';

const GRADE_ZH: Record<ViolenceRiskGrade, string> = { low: '低风险', medium: '中风险', high: '高风险' };

/** The higher of two risk levels: an assessment raises a case's risk, never lowers it. */
export function atLeast(current: RiskLevel, raisedTo: RiskLevel | undefined): RiskLevel {
  if (!raisedTo) return current;
  return RISK_LEVELS.indexOf(raisedTo) > RISK_LEVELS.indexOf(current) ? raisedTo : current;
}

/**
 * A police 民转刑 risk assessment. Every grade goes on the case's timeline; one that finds a risk of
 * violence flags the case 民转刑 and raises its risk level to at least what the assessment says,
 * through the coordinator's own re-rating (so its clocks turn urgent the same way).
 */
@Injectable()
export class ViolenceRiskAssessments {
  constructor(
    private readonly risk: ChangeCaseRisk,
    private readonly clock: Clock,
  ) {}

  @DurableEventHandler({ event: ViolenceRiskAssessedV1, name: 'violence-risk-assessed' })
  async onAssessed(e: ViolenceRiskAssessedV1, { manager: m }: EventContext): Promise<void> {
    const { referral, kase, agency } = await lockReferralForEvent(m, e.referralId);
    const at = new Date(e.assessedAt);
    const step = { caseId: kase.id, referralId: referral.id, step: 'violence_risk_assessed' as const, at };
    if (await hasTimelineStep(m, step)) return;
    const riskLevel = e.violenceRisk ? atLeast(kase.riskLevel, e.raisesRiskTo) : kase.riskLevel;
    const changes = e.violenceRisk && (riskLevel !== kase.riskLevel || !kase.violenceRisk);
    let effect = '';
    if (changes) {
      effect =
        riskLevel !== kase.riskLevel
          ? `，风险等级升至${RISK_ZH[riskLevel]}，标记民转刑`
          : `，风险等级维持${RISK_ZH[riskLevel]}，标记民转刑`;
    } else if (e.violenceRisk) {
      effect = '，案件已标记民转刑，风险等级不变';
    }
    await appendTimelineStep(m, {
      ...step,
      summary: `民转刑风险评估：${agency.name}评为${GRADE_ZH[e.grade]}（${e.score}分）${effect}。${e.note}`,
      actor: e.assessedBy,
      agency,
    });
    if (!changes) return;
    await this.risk.rerate(
      m,
      e.assessedBy,
      kase,
      {
        riskLevel,
        violenceRisk: true,
        reason: `民转刑风险评估（${agency.name}，${GRADE_ZH[e.grade]}，${e.score}分）`,
      },
      this.clock.now(),
    );
  }
}
