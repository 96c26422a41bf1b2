import type { AgencyKind, AgreementView, PerformanceRecordView } from '@fengqiao/contracts';
import type { KeptDocument } from '../documents/kept-document.entity';
import { AGREEMENT_TITLE, agreementCopies } from './agreement-document';
import type { Agreement, AgreementParty, AgreementTerm, PerformanceRecord } from './agreement.entity';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : undefined);

/** A term is overdue once its day has passed in Beijing and it is not (yet) performed. */
export const isOverdue = (t: AgreementTerm, today: string) =>
  t.performBy !== null && t.performBy < today && t.performanceStatus !== 'performed';

export interface AgreementParts {
  agreement: Agreement;
  caseNumber: string;
  parties: AgreementParty[];
  terms: AgreementTerm[];
  records: PerformanceRecord[];
  document: KeptDocument | null;
}

/** The agreement as its own agency sees it: ID and phone numbers masked. */
export function toAgreementView(kind: AgencyKind, p: AgreementParts, today: string): AgreementView {
  const a = p.agreement;
  const historyOf = (termNo: number): PerformanceRecordView[] =>
    p.records
      .filter((r) => r.termNo === termNo)
      .map((r) => ({
        status: r.status,
        note: r.note,
        recordedAt: iso(r.recordedAt)!,
        recordedByName: r.recordedByName,
      }));
  return {
    id: a.id,
    referralId: a.referralId,
    caseId: a.caseId,
    caseNumber: p.caseNumber,
    agencyId: a.agencyId,
    number: a.number,
    title: AGREEMENT_TITLE[kind],
    status: a.status,
    parties: p.parties.map((x) => ({
      position: x.position,
      name: x.name,
      role: x.role,
      kind: x.kind,
      idNumber: x.idNumberMasked ?? undefined,
      phone: x.phoneMasked ?? undefined,
      address: x.address ?? undefined,
      signedAt: iso(x.signedAt),
    })),
    facts: a.facts,
    terms: p.terms.map((t) => ({
      termNo: t.termNo,
      content: t.content,
      performBy: t.performBy ?? undefined,
      method: t.method ?? undefined,
      performanceStatus: t.performanceStatus,
      overdue: a.status === 'signed' && isOverdue(t, today),
      performanceHistory: historyOf(t.termNo),
    })),
    performance: { time: a.performanceTime, method: a.performanceMethod },
    mediatorNames: a.mediatorNames,
    otherMatters: a.otherMatters ?? undefined,
    copies: agreementCopies(p.parties.length),
    draftedAt: iso(a.draftedAt)!,
    draftedByName: a.draftedByName,
    updatedAt: iso(a.updatedAt)!,
    signedAt: iso(a.signedAt),
    signedByName: a.signedByName ?? undefined,
    document: p.document
      ? { filename: p.document.filename, sha256: p.document.sha256, bytes: p.document.bytes }
      : undefined,
  };
}
