import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AgreementView } from '@fengqiao/contracts';
import { notFound } from '@fengqiao/errors';
import { AgencyIdentity } from '../agency-kind';
import { beijingDay } from '../documents/chinese-dates';
import { KeptDocument } from '../documents/kept-document.entity';
import { InboxReferral } from '../inbox/inbox-referral.entity';
import { Agreement, AgreementParty, AgreementTerm, PerformanceRecord } from './agreement.entity';
import { toAgreementView } from './agreement.views';

export const noAgreement = (referralId: string) =>
  notFound('agreement of referral', '派单的调解协议书', referralId);

/** Reads an agreement and its parts, in whatever transaction the caller is in. */
@Injectable()
export class AgreementReader {
  constructor(private readonly agency: AgencyIdentity) {}

  /** The referral's agreement, locked for the caller's transaction; 404 when it has none. */
  async lockOf(m: EntityManager, referralId: string): Promise<Agreement> {
    const agreement = await m.findOne(Agreement, {
      where: { referralId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!agreement) throw noAgreement(referralId);
    return agreement;
  }

  // One query after another: inside a transaction they share one connection.
  async parts(m: EntityManager, agreementId: string) {
    const parties = await m.find(AgreementParty, { where: { agreementId }, order: { position: 'ASC' } });
    const terms = await m.find(AgreementTerm, { where: { agreementId }, order: { termNo: 'ASC' } });
    return { parties, terms };
  }

  async view(m: EntityManager, agreementId: string): Promise<AgreementView> {
    const agreement = await m.findOneOrFail(Agreement, { where: { id: agreementId } });
    const { parties, terms } = await this.parts(m, agreementId);
    const records = await m.find(PerformanceRecord, {
      where: { agreementId },
      order: { recordedAt: 'ASC', createdAt: 'ASC' },
    });
    const referral = await m.findOneOrFail(InboxReferral, { where: { id: agreement.referralId } });
    const document = agreement.documentId
      ? await m.findOne(KeptDocument, { where: { id: agreement.documentId } })
      : null;
    return toAgreementView(
      this.agency.kind,
      { agreement, caseNumber: referral.caseNumber, parties, terms, records, document },
      beijingDay(new Date()),
    );
  }
}
