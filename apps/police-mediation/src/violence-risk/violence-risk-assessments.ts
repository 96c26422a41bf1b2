import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  RISK_LEVELS,
  ViolenceRiskAssessedV1,
  type Actor,
  type AssessViolenceRiskCommand,
  type ListViolenceRiskAssessmentsCommand,
  type Page,
  type ViolenceRiskAssessmentView,
} from '@fengqiao/contracts';
import { pageWindow } from '@fengqiao/database';
import { Outbox } from '@fengqiao/messaging';
import {
  AgencyIdentity,
  findOwnReferral,
  lockWorkingReferral,
  referralFacts,
  WHILE_MEDIATING,
  type InboxReferral,
} from '@fengqiao/agency-kit';
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
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly agency: AgencyIdentity,
  ) {}

  assess(actor: Actor, command: AssessViolenceRiskCommand): Promise<ViolenceRiskAssessmentView> {
    const factors = checklistFactors(command.factors);
    const result = scoreViolenceRisk(factors);
    return this.dataSource.transaction(async (m) => {
      const referral = await lockWorkingReferral(m, actor, command.referralId, ASSESS);
      const assessment = m.create(ViolenceRiskAssessment, {
        id: randomUUID(),
        referralId: referral.id,
        caseId: referral.caseId,
        agencyId: referral.agencyId,
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
      await this.outbox.add(m, ViolenceRiskAssessedV1, {
        ...referralFacts(referral, this.agency.kind),
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

  /** A referral's assessments, the latest first. */
  async list(
    actor: Actor,
    query: ListViolenceRiskAssessmentsCommand,
  ): Promise<Page<ViolenceRiskAssessmentView>> {
    await findOwnReferral(this.dataSource.manager, actor, query.referralId);
    const { page, pageSize, skip } = pageWindow(query);
    const [rows, total] = await this.dataSource.getRepository(ViolenceRiskAssessment).findAndCount({
      where: { referralId: query.referralId, ...(query.grade ? { grade: query.grade } : {}) },
      order: { assessedAt: 'DESC', id: 'DESC' },
      skip,
      take: pageSize,
    });
    return { items: rows.map(toViolenceRiskAssessmentView), page, pageSize, total };
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
