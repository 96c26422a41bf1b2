import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseRiskChangedV1, type Actor, type ChangeCaseRiskRequest } from '@fengqiao/contracts';
import { conflict } from '@fengqiao/errors';
import { Outbox } from '@fengqiao/messaging';
import { Clock } from '../clock';
import { SlaClocks } from '../sla/sla-clocks';
import { Case } from './case.entity';
import { flagViolenceRisk } from './case-flags';
import { lockCaseForCoordinator } from './case-scope';
import { CASE_ENDINGS } from './case-status';
import { appendTimelineStep } from './timeline-entry.entity';

const RISK_ZH = { general: '一般', serious: '较大', major: '重大', especially_major: '特别重大' } as const;

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
      const now = this.clock.now();
      const from = kase.riskLevel;
      const newlyViolent = violenceRisk && !kase.violenceRisk;
      Object.assign(kase, { riskLevel: input.riskLevel, violenceRisk });
      await m.update(Case, { id: kase.id }, { riskLevel: input.riskLevel, violenceRisk });
      await appendTimelineStep(m, {
        caseId: kase.id,
        step: 'case_risk_changed',
        summary: `风险等级由${RISK_ZH[from]}调整为${RISK_ZH[input.riskLevel]}${newlyViolent ? '，标记民转刑风险' : ''}：${input.reason}`,
        actor,
        at: now,
      });
      if (newlyViolent) await flagViolenceRisk(m, this.outbox, kase, actor, input.reason, now);
      await this.outbox.add(m, CaseRiskChangedV1, {
        caseId: kase.id,
        caseNumber: kase.caseNumber,
        from,
        to: input.riskLevel,
        violenceRisk,
        reason: input.reason,
        changedAt: now.toISOString(),
        changedBy: actor,
      });
      await this.clocks.retargetCase(m, kase, `风险等级调整：${input.reason}`, now);
    });
  }
}
