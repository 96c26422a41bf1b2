import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseRegisteredV1, type Actor, type RegisterCaseRequest } from '@fengqiao/contracts';
import { unprocessable } from '@fengqiao/errors';
import { Outbox } from '@fengqiao/messaging';
import { Jurisdiction, toStoredCode } from '../agencies/jurisdiction.entity';
import { nextCaseNumber } from './case-number';
import { Case } from './case.entity';
import { CaseParty } from './case-party.entity';
import { DisputeType } from './dispute-type.entity';
import { TimelineEntry } from './timeline-entry.entity';

/** 登记: a dispute arrives from any channel and gets its case number for life. */
@Injectable()
export class RegisterCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async execute(actor: Actor, input: RegisterCaseRequest): Promise<string> {
    const jurisdictionCode = toStoredCode(input.jurisdictionCode);
    if (input.channel === 'call_110' && !input.incidentNumber) {
      throw unprocessable(
        'incidentNumber',
        'is required when the channel is call_110',
        '110 警情登记必须填写警情编号',
      );
    }
    return this.dataSource.transaction(async (m) => {
      if (!(await m.existsBy(Jurisdiction, { code: jurisdictionCode }))) {
        throw unprocessable(
          'jurisdictionCode',
          `no jurisdiction ${input.jurisdictionCode}`,
          `辖区 ${input.jurisdictionCode} 不存在`,
        );
      }
      if (!(await m.existsBy(DisputeType, { code: input.disputeType }))) {
        throw unprocessable(
          'disputeType',
          `unknown dispute type ${input.disputeType}`,
          `纠纷类型 ${input.disputeType} 不存在`,
        );
      }
      const now = new Date();
      const id = randomUUID();
      const caseNumber = await nextCaseNumber(m, jurisdictionCode, now);
      await m.insert(Case, {
        id,
        caseNumber,
        title: input.title,
        description: input.description,
        disputeType: input.disputeType,
        jurisdictionCode,
        channel: input.channel,
        incidentNumber: input.incidentNumber ?? null,
        status: 'registered',
        registeredAt: now,
        registeredById: actor.id,
        registeredByName: actor.name,
      });
      await m.insert(
        CaseParty,
        input.parties.map((p, position) => ({
          caseId: id,
          position,
          kind: p.kind,
          role: p.role,
          name: p.name,
        })),
      );
      await m.insert(TimelineEntry, {
        caseId: id,
        step: 'case_registered',
        summary: `登记案件 ${caseNumber}（${input.title}）`,
        actorId: actor.id,
        actorName: actor.name,
        agencyId: null,
        agencyName: null,
        referralId: null,
        at: now,
      });
      await this.outbox.add(m, CaseRegisteredV1, {
        caseId: id,
        caseNumber,
        disputeType: input.disputeType,
        jurisdictionCode,
        channel: input.channel,
        registeredAt: now.toISOString(),
        registeredBy: actor,
      });
      return id;
    });
  }
}
