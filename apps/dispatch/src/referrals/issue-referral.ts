import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { ReferralIssuedV1, type Actor, type IssueReferralRequest } from '@fengqiao/contracts';
import { conflict, notFound, unprocessable } from '@fengqiao/errors';
import { Outbox } from '@fengqiao/messaging';
import { Agency } from '../agencies/agency.entity';
import { Case } from '../cases/case.entity';
import { caseScopeOf, isInCaseScope } from '../cases/case-scope';
import { changeCaseStatus } from '../cases/case-status';
import { appendTimelineStep } from '../cases/timeline-entry.entity';
import { Referral } from './referral.entity';

const CLOSED_CASE = ['resolved', 'withdrawn'];

/** 派单: hands a case to one agency. The agency learns of it from the outbox event. */
@Injectable()
export class IssueReferral {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async execute(actor: Actor, caseId: string, input: IssueReferralRequest): Promise<string> {
    return this.dataSource.transaction(async (m) => {
      // Locks the case so two coordinators cannot refer it to the same agency at once.
      const kase = await m.findOne(Case, { where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
      // Outside the coordinator's 辖区 reads as "not found": its existence is not theirs to know.
      if (!kase || !isInCaseScope(caseScopeOf(actor), kase.jurisdictionCode, []))
        throw notFound('case', '案件', caseId);
      if (CLOSED_CASE.includes(kase.status)) {
        throw conflict(
          `case ${kase.caseNumber} is ${kase.status}; it cannot be referred`,
          `案件 ${kase.caseNumber} 已结案，不能再派单`,
        );
      }
      const agency = await m.findOneBy(Agency, { id: input.agencyId });
      if (!agency)
        throw unprocessable('agencyId', `no agency ${input.agencyId}`, `单位 ${input.agencyId} 不存在`);
      const open = await m.existsBy(Referral, {
        caseId,
        agencyId: agency.id,
        status: In(['issued', 'accepted']),
      });
      if (open) {
        throw conflict(
          `case ${kase.caseNumber} already has an open referral to ${agency.name}`,
          `案件 ${kase.caseNumber} 已派给${agency.name}，尚未办结`,
        );
      }
      const now = new Date();
      const id = randomUUID();
      await m.insert(Referral, {
        id,
        caseId,
        agencyId: agency.id,
        agencyKind: agency.kind,
        status: 'issued',
        issueNote: input.note ?? null,
        outcome: null,
        closingNote: null,
        issuedAt: now,
        issuedById: actor.id,
        acceptedAt: null,
        closedAt: null,
      });
      await appendTimelineStep(m, {
        caseId,
        step: 'referral_issued',
        summary: `派单至${agency.name}`,
        actor,
        agency,
        referralId: id,
        at: now,
      });
      if (kase.status === 'registered' || kase.status === 'unresolved') {
        await changeCaseStatus(m, this.outbox, kase, 'referred', `referred to ${agency.name}`, now);
      }
      await this.outbox.add(m, ReferralIssuedV1, {
        referralId: id,
        caseId,
        caseNumber: kase.caseNumber,
        caseTitle: kase.title,
        disputeType: kase.disputeType,
        jurisdictionCode: kase.jurisdictionCode,
        agencyId: agency.id,
        agencyKind: agency.kind,
        note: input.note,
        issuedAt: now.toISOString(),
        issuedBy: actor,
      });
      return id;
    });
  }
}
