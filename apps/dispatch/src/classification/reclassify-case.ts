import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseReclassifiedV1, type Actor } from '@fengqiao/contracts';
import { conflict, unprocessable } from '@fengqiao/errors';
import { Outbox } from '@fengqiao/messaging';
import { Case } from '../cases/case.entity';
import { lockCaseForCoordinator } from '../cases/case-scope';
import { DisputeType } from '../cases/dispute-type.entity';
import { appendTimelineStep } from '../cases/timeline-entry.entity';
import { SlaClocks } from '../sla/sla-clocks';
import { complaintText, TypeSuggestions } from './type-suggestions';

/** 更正纠纷类型: the coordinator corrects a case's type; the correction is kept as training data. */
@Injectable()
export class ReclassifyCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly suggestions: TypeSuggestions,
    private readonly clocks: SlaClocks,
  ) {}

  execute(actor: Actor, caseId: string, disputeType: string): Promise<void> {
    return this.dataSource.transaction(async (m) => {
      const kase = await lockCaseForCoordinator(m, actor, caseId);
      const type = await m.findOneBy(DisputeType, { code: disputeType });
      if (!type)
        throw unprocessable(
          'disputeType',
          `unknown dispute type ${disputeType}`,
          `纠纷类型 ${disputeType} 不存在`,
        );
      if (kase.disputeType === disputeType) {
        throw conflict(
          `case ${kase.caseNumber} is already ${disputeType}`,
          `案件 ${kase.caseNumber} 已是${type.nameZh}`,
        );
      }
      const now = new Date();
      const from = kase.disputeType;
      await m.update(Case, { id: kase.id }, { disputeType });
      kase.disputeType = disputeType;
      await this.suggestions.record(
        m,
        kase.id,
        complaintText(kase.title, kase.description),
        disputeType,
        actor,
        now,
      );
      await appendTimelineStep(m, {
        caseId: kase.id,
        step: 'case_reclassified',
        summary: `纠纷类型由 ${from} 更正为 ${type.nameZh}`,
        actor,
        at: now,
      });
      await this.outbox.add(m, CaseReclassifiedV1, {
        caseId: kase.id,
        caseNumber: kase.caseNumber,
        from,
        to: disputeType,
        reclassifiedAt: now.toISOString(),
        reclassifiedBy: actor,
      });
      // A type with its own time limits (医疗纠纷 30 working days) changes the case's deadlines.
      await this.clocks.retargetCase(m, kase, `纠纷类型更正为${type.nameZh}`, now);
    });
  }
}
