import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AgreementPerformanceRecordedV1,
  type Actor,
  type AgreementView,
  type RecordPerformanceRequest,
} from '@fengqiao/contracts';
import { conflict, notFound, unprocessable } from '@fengqiao/errors';
import { Outbox } from '@fengqiao/messaging';
import { AgencyIdentity } from '../agency-kind';
import { InboxReferral } from '../inbox/inbox-referral.entity';
import { mayWorkOn, referralFacts } from '../inbox/working-referrals';
import { AgreementTerm, PerformanceRecord } from './agreement.entity';
import { AgreementReader } from './agreement-reader';

const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * 履行情况: what became of each term of a signed agreement, usually learned after the referral is
 * closed (at the 回访, or from a party). Every record is kept; the term shows the latest by when it
 * was found, so a record entered late does not overwrite a newer one.
 */
@Injectable()
export class AgreementPerformance {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly agency: AgencyIdentity,
    private readonly reader: AgreementReader,
  ) {}

  record(
    actor: Actor,
    referralId: string,
    termNo: number,
    input: RecordPerformanceRequest,
  ): Promise<AgreementView> {
    return this.dataSource.transaction(async (m) => {
      const referral = await m.findOne(InboxReferral, { where: { id: referralId } });
      if (!referral || !mayWorkOn(actor, referral.agencyId)) throw notFound('referral', '派单', referralId);
      const agreement = await this.reader.lockOf(m, referralId);
      if (agreement.status !== 'signed') {
        throw conflict(
          `agreement ${agreement.number} is not signed yet: performance is recorded only against a signed agreement`,
          `调解协议书${agreement.number}尚未签署，不能登记履行情况`,
        );
      }
      const term = await m.findOne(AgreementTerm, { where: { agreementId: agreement.id, termNo } });
      if (!term) throw notFound(`term ${termNo} of agreement`, `调解协议第${termNo}条`, agreement.number);
      const recordedAt = new Date(input.recordedAt);
      if (recordedAt.getTime() > Date.now() + CLOCK_SKEW_MS)
        throw unprocessable('recordedAt', 'is in the future', '登记时间不能晚于当前时间');
      if (recordedAt < agreement.signedAt!)
        throw unprocessable(
          'recordedAt',
          'is before the agreement took effect',
          '登记时间不能早于协议生效时间',
        );
      await m.insert(PerformanceRecord, {
        id: randomUUID(),
        agreementId: agreement.id,
        termNo,
        status: input.status,
        note: input.note,
        recordedAt,
        recordedById: actor.id,
        recordedByName: actor.name,
      });
      if (!term.performanceRecordedAt || recordedAt >= term.performanceRecordedAt) {
        term.performanceStatus = input.status;
        term.performanceRecordedAt = recordedAt;
        await m.save(term);
      }
      await this.outbox.add(m, AgreementPerformanceRecordedV1, {
        ...referralFacts(referral, this.agency.kind),
        agreementId: agreement.id,
        number: agreement.number,
        termNo,
        status: input.status,
        note: input.note,
        recordedAt: recordedAt.toISOString(),
        recordedBy: actor,
      });
      return this.reader.view(m, agreement.id);
    });
  }
}
