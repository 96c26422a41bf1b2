import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  RISK_LEVELS,
  ViolenceRiskAssessedV1,
  type Actor,
  type AssessViolenceRiskCommand,
  type ViolenceRiskAssessmentView,
} from '@fengqiao/contracts';
import { ReferralWorkUnit, WHILE_MEDIATING, type InboxReferral } from '@fengqiao/agency-kit';
import { ViolenceRiskAssessment } from './violence-risk-assessment.entity';
import { toViolenceRiskAssessmentView } from './violence-risk.views';
import { checklistFactors, scoreViolenceRisk, type ViolenceRiskScore } from './violence-risk-score';

const ASSESS = {
  from: WHILE_MEDIATING,
  en: 'assess the violence risk of referral',
  zh: '进行民转刑风险评估',
};

/**
 * 民转刑 risk assessment of a referral in hand. A high grade raises the inbox row at once (民转刑
 * first, then risk: never lowered) so the station sees it first; the event lets dispatch raise the
 * case and notifications alert the station.
 */
@Injectable()
export class ViolenceRiskAssessments {
  constructor(private readonly work: ReferralWorkUnit) {}

  assess(actor: Actor, command: AssessViolenceRiskCommand): Promise<ViolenceRiskAssessmentView> {
    const factors = checklistFactors(command.factors);
    const result = scoreViolenceRisk(factors);
    return this.work.on(actor, command.referralId, ASSESS, async (m, referral) => {
      const assessment = m.create(ViolenceRiskAssessment, {
        id: randomUUID(),
        ...ReferralWorkUnit.idsOf(referral),
        factors,
        ...result,
        raisesRiskTo: result.raisesRiskTo ?? null,
        note: command.note,
        assessedAt: new Date(),
        assessedById: actor.id,
        assessedByName: actor.name,
      });
      await m.insert(ViolenceRiskAssessment, assessment);
      if (raise(referral, result)) await m.save(referral);
      await this.work.report(m, ViolenceRiskAssessedV1, referral, {
        caseNumber: referral.caseNumber,
        jurisdictionCode: referral.jurisdictionCode,
        assessmentId: assessment.id,
        grade: result.grade,
        score: result.score,
        factors,
        violenceRisk: result.violenceRisk,
        ...(result.raisesRiskTo ? { raisesRiskTo: result.raisesRiskTo } : {}),
        note: command.note,
        assessedAt: assessment.assessedAt.toISOString(),
        assessedBy: actor,
      });
      return toViolenceRiskAssessmentView(assessment);
    });
  }
}

/** Raises the inbox row to what a high grade says, never lowering it; whether anything changed. */
function raise(referral: InboxReferral, result: ViolenceRiskScore): boolean {
  if (!result.violenceRisk || !result.raisesRiskTo) return false;
  const rank = RISK_LEVELS.indexOf(result.raisesRiskTo);
  const changed = !referral.violenceRisk || rank > referral.riskRank;
  referral.violenceRisk = true;
  if (rank > referral.riskRank) {
    referral.riskLevel = result.raisesRiskTo;
    referral.riskRank = rank;
  }
  return changed;
}
