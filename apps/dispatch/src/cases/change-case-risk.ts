import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  CaseRiskChangedV1,
  type Actor,
  type ChangeCaseRiskRequest,
  type RiskLevel,
} from '@fengqiao/contracts';
import { conflict } from '@fengqiao/errors';
import { Outbox } from '@fengqiao/messaging';
import { Clock } from '../clock';
import { SlaClocks } from '../sla/sla-clocks';
import { Case } from './case.entity';
import { flagViolenceRisk } from './case-flags';
import { lockCaseForCoordinator } from './case-scope';
import { CASE_ENDINGS } from './case-status';
import { appendTimelineStep } from './timeline-entry.entity';

export const RISK_ZH = {
  general: '一般',
  serious: '较大',
  major: '重大',
  especially_major: '特别重大',
} as const;

/**
 * 风险等级调整: the coordinator re-rates a case. A case that becomes 重大 or worse, or 民转刑, has
 * urgent deadlines from now on: its open clocks are re-targeted in the same transaction.
 */
@Injectable()
export class ChangeCaseRisk {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clocks: SlaClocks,
    private readonly clock: Clock,
  ) {}

  execute(actor: Actor, caseId: string, input: ChangeCaseRiskRequest): Promise<void> {
    return this.dataSource.transaction(async (m) => {
      const kase = await lockCaseForCoordinator(m, actor, caseId);
      if (CASE_ENDINGS.includes(kase.status)) {
        throw conflict(
          `case ${kase.caseNumber} is ${kase.status}`,
          `案件 ${kase.caseNumber} 已结案，不能调整风险等级`,
        );
      }
      const violenceRisk = kase.violenceRisk || input.violenceRisk === true;
      if (input.riskLevel === kase.riskLevel && violenceRisk === kase.violenceRisk) {
        throw conflict(
          `case ${kase.caseNumber} is already rated ${input.riskLevel}`,
          `案件 ${kase.caseNumber} 风险等级已是${RISK_ZH[input.riskLevel]}`,
        );
      }
      await this.rerate(m, actor, kase, { ...input, violenceRisk }, this.clock.now());
    });
  }

  /**
   * The re-rating itself, in the caller's transaction on a locked case: by a coordinator (above) or
   * by a police 民转刑 assessment. Writes the case, its timeline, the flag the first time it becomes
   * 民转刑, the risk event, and re-targets the open clocks.
   */
  async rerate(
    m: EntityManager,
    actor: Actor,
    kase: Case,
    change: { riskLevel: RiskLevel; violenceRisk: boolean; reason: string },
    now: Date,
  ): Promise<void> {
    const from = kase.riskLevel;
    const violenceRisk = kase.violenceRisk || change.violenceRisk;
    const newlyViolent = violenceRisk && !kase.violenceRisk;
    Object.assign(kase, { riskLevel: change.riskLevel, violenceRisk });
    await m.update(Case, { id: kase.id }, { riskLevel: change.riskLevel, violenceRisk });
    const rated =
      from === change.riskLevel
        ? `风险等级维持${RISK_ZH[from]}`
        : `风险等级由${RISK_ZH[from]}调整为${RISK_ZH[change.riskLevel]}`;
    await appendTimelineStep(m, {
      caseId: kase.id,
      step: 'case_risk_changed',
      summary: `${rated}${newlyViolent ? '，标记民转刑风险' : ''}：${change.reason}`,
      actor,
      at: now,
    });
    if (newlyViolent) await flagViolenceRisk(m, this.outbox, kase, actor, change.reason, now);
    await this.outbox.add(m, CaseRiskChangedV1, {
      caseId: kase.id,
      caseNumber: kase.caseNumber,
      from,
      to: change.riskLevel,
      violenceRisk,
      reason: change.reason,
      changedAt: now.toISOString(),
      changedBy: actor,
    });
    await this.clocks.retargetCase(m, kase, `风险等级调整：${change.reason}`, now);
  }
}
