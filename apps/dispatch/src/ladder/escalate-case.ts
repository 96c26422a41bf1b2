import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { CaseEscalatedV1, type Actor, type EscalateCaseRequest } from '@fengqiao/contracts';
import { conflict, unprocessable } from '@fengqiao/errors';
import { Outbox } from '@fengqiao/messaging';
import { Case } from '../cases/case.entity';
import { lockCaseForCoordinator } from '../cases/case-scope';
import { CASE_ENDINGS } from '../cases/case-status';
import { appendTimelineStep } from '../cases/timeline-entry.entity';
import { OPEN_REFERRAL, Referral } from '../referrals/referral.entity';
import { CaseEscalation } from './case-escalation.entity';
import { ladderLevel } from './ladder-policy';

/**
 * 升级: the case climbs its jurisdiction's ladder after the level below could not settle it.
 * Counted, because 矛盾不上交 measures how little climbs; who, why and from where are recorded.
 */
@Injectable()
export class EscalateCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  execute(actor: Actor, caseId: string, input: EscalateCaseRequest): Promise<void> {
    return this.dataSource.transaction(async (m) => {
      const kase = await lockCaseForCoordinator(m, actor, caseId);
      if (CASE_ENDINGS.includes(kase.status)) {
        throw conflict(
          `case ${kase.caseNumber} is ${kase.status}; it cannot escalate`,
          `案件 ${kase.caseNumber} 已结案，不能升级`,
        );
      }
      const open = await m.find(Referral, {
        where: { caseId, status: In([...OPEN_REFERRAL]) },
        relations: { agency: true },
      });
      if (open.length > 0) {
        throw conflict(
          `case ${kase.caseNumber} is still with ${open.map((r) => r.agency?.name).join(', ')}; close or transfer that first`,
          `案件仍由${open.map((r) => r.agency?.name).join('、')}办理中，请先办结或转办`,
        );
      }
      const from = kase.ladderLevel;
      const to = input.toLevel ?? from + 1;
      if (to <= from) {
        throw unprocessable(
          'toLevel',
          `the case is at level ${from}; escalation goes up`,
          `案件已在第 ${from} 级，只能向上升级`,
        );
      }
      const rung = await ladderLevel(m, kase.ladderCode, to, input.toLevel ? 'toLevel' : 'caseId');
      const now = new Date();
      await m.update(Case, { id: kase.id }, { ladderLevel: to, proposedLevel: null });
      await m.insert(CaseEscalation, {
        id: randomUUID(),
        caseId,
        ladderCode: kase.ladderCode,
        fromLevel: from,
        toLevel: to,
        reason: input.reason,
        escalatedById: actor.id,
        escalatedByName: actor.name,
        escalatedAt: now,
      });
      await appendTimelineStep(m, {
        caseId,
        step: 'case_escalated',
        summary: `由第 ${from} 级升级至第 ${to} 级（${rung.nameZh}）：${input.reason}`,
        actor,
        at: now,
      });
      await this.outbox.add(m, CaseEscalatedV1, {
        caseId,
        caseNumber: kase.caseNumber,
        ladder: kase.ladderCode,
        fromLevel: from,
        toLevel: to,
        reason: input.reason,
        escalatedAt: now.toISOString(),
        escalatedBy: actor,
      });
    });
  }
}
