import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  Actor,
  KeptDocumentFileView,
  AgreementSummaryView,
  AgreementView,
  ListAgreementsCommand,
  Page,
} from '@fengqiao/contracts';
import { pageWindow } from '@fengqiao/database';
import { conflict } from '@fengqiao/errors';
import { beijingDayStart } from '../documents/chinese-dates';
import { DocumentStore } from '../documents/document-store';
import { findOwnReferral } from '../inbox/working-referrals';
import { coordinatorArea, findReadableReferral } from '../mediators/agency-access';
import { InboxReferral } from '../inbox/inbox-referral.entity';
import { Agreement, AgreementParty, AgreementTerm } from './agreement.entity';
import { tableOf } from './table-path';
import { AgreementReader, noAgreement } from './agreement-reader';

const DAY_MS = 86_400_000;
/** Today in Beijing, in SQL: what performBy dates are compared with. */
const TODAY = `(now() AT TIME ZONE 'Asia/Shanghai')::date`;

interface SummaryRow {
  id: string;
  referral_id: string;
  case_number: string;
  case_title: string;
  number: string;
  status: AgreementSummaryView['status'];
  party_names: string[];
  term_count: number;
  performed_terms: number;
  defaulted: boolean;
  overdue: boolean;
  drafted_at: Date;
  signed_at: Date | null;
}

@Injectable()
export class AgreementQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: AgreementReader,
    private readonly documents: DocumentStore,
  ) {}

  /** The referral's agreement, masked: for the agency's own people and coordinators (as its sessions). */
  async get(actor: Actor, referralId: string): Promise<AgreementView> {
    const m = this.dataSource.manager;
    await findReadableReferral(m, actor, referralId);
    const agreement = await m.findOne(Agreement, { where: { referralId } });
    if (!agreement) throw noAgreement(referralId);
    return this.reader.view(m, agreement.id);
  }

  /**
   * The signed PDF as kept, base64 for the NATS reply (kept documents are sized to fit one). It
   * prints full ID numbers, so only the agency's own people get it.
   */
  async pdf(actor: Actor, referralId: string): Promise<KeptDocumentFileView> {
    const m = this.dataSource.manager;
    await findOwnReferral(m, actor, referralId);
    const agreement = await m.findOne(Agreement, { where: { referralId } });
    if (!agreement) throw noAgreement(referralId);
    const pdf = agreement.documentId ? await this.documents.openForReply(m, agreement.documentId) : null;
    if (!pdf) {
      throw conflict(
        `agreement ${agreement.number} is not signed yet: its PDF is made when it is signed`,
        `调解协议书${agreement.number}尚未签署，签署后方生成PDF文书`,
      );
    }
    return pdf;
  }

  /**
   * An agency's agreements, newest number first, with how far each is performed. The performance
   * filters read the terms in one EXISTS each; `overdue` compares performBy with today in Beijing.
   */
  async list(actor: Actor, q: ListAgreementsCommand): Promise<Page<AgreementSummaryView>> {
    const { page, pageSize, skip } = pageWindow(q);
    const terms = tableOf(this.dataSource, AgreementTerm);
    const parties = tableOf(this.dataSource, AgreementParty);
    const qb = this.dataSource
      .getRepository(Agreement)
      .createQueryBuilder('a')
      .innerJoin(InboxReferral, 'r', 'r.id = a.referral_id')
      .where('a.agency_id = :agencyId', { agencyId: q.agencyId });
    const area = coordinatorArea(actor);
    if (area) qb.andWhere('r.jurisdiction_code LIKE :area', { area });
    const someTerm = (condition: string) =>
      `EXISTS (SELECT 1 FROM ${terms} t WHERE t.agreement_id = a.id AND ${condition})`;
    if (q.status) qb.andWhere('a.status = :status', { status: q.status });
    if (q.performance === 'defaulted') qb.andWhere(someTerm(`t.performance_status = 'defaulted'`));
    if (q.performance === 'overdue')
      qb.andWhere(`a.status = 'signed'`).andWhere(
        someTerm(`t.perform_by < ${TODAY} AND t.performance_status <> 'performed'`),
      );
    if (q.performance === 'performed')
      qb.andWhere(`a.status = 'signed'`).andWhere(`NOT ${someTerm(`t.performance_status <> 'performed'`)}`);
    if (q.signedFrom) qb.andWhere('a.signed_at >= :from', { from: beijingDayStart(q.signedFrom) });
    if (q.signedTo)
      qb.andWhere('a.signed_at < :to', { to: new Date(beijingDayStart(q.signedTo).getTime() + DAY_MS) });

    const total = await qb.getCount();
    const rows = await qb
      .select([
        'a.id AS id',
        'a.referral_id AS referral_id',
        'r.case_number AS case_number',
        'r.case_title AS case_title',
        'a.number AS number',
        'a.status AS status',
        'a.drafted_at AS drafted_at',
        'a.signed_at AS signed_at',
      ])
      .addSelect(
        `(SELECT array_agg(p.name ORDER BY p.position) FROM ${parties} p WHERE p.agreement_id = a.id)`,
        'party_names',
      )
      .addSelect(`(SELECT count(*)::int FROM ${terms} t WHERE t.agreement_id = a.id)`, 'term_count')
      .addSelect(
        `(SELECT count(*)::int FROM ${terms} t WHERE t.agreement_id = a.id AND t.performance_status = 'performed')`,
        'performed_terms',
      )
      .addSelect(someTerm(`t.performance_status = 'defaulted'`), 'defaulted')
      .addSelect(
        `a.status = 'signed' AND ${someTerm(`t.perform_by < ${TODAY} AND t.performance_status <> 'performed'`)}`,
        'overdue',
      )
      .orderBy('a.year', 'DESC')
      .addOrderBy('a.sequence', 'DESC')
      .offset(skip)
      .limit(pageSize)
      .getRawMany<SummaryRow>();
    return {
      items: rows.map((r) => ({
        id: r.id,
        referralId: r.referral_id,
        caseNumber: r.case_number,
        caseTitle: r.case_title,
        number: r.number,
        status: r.status,
        partyNames: r.party_names ?? [],
        termCount: r.term_count,
        performedTerms: r.performed_terms,
        defaulted: r.defaulted,
        overdue: r.overdue,
        draftedAt: new Date(r.drafted_at).toISOString(),
        signedAt: r.signed_at ? new Date(r.signed_at).toISOString() : undefined,
      })),
      page,
      pageSize,
      total,
    };
  }
}
