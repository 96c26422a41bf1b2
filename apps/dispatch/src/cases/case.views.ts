import type { CaseSummaryView, CaseView, ReferralView, TimelineEntryView } from '@fengqiao/contracts';
import type { Agency } from '../agencies/agency.entity';
import type { Referral } from '../referrals/referral.entity';
import type { Case } from './case.entity';
import type { TimelineEntry } from './timeline-entry.entity';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : undefined);

export function toCaseSummaryView(c: Case): CaseSummaryView {
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    title: c.title,
    disputeType: c.disputeType,
    jurisdictionCode: c.jurisdictionCode,
    channel: c.channel,
    status: c.status,
    registeredAt: iso(c.registeredAt)!,
  };
}

export function toReferralView(r: Referral & { agency?: Agency }, caseNumber: string): ReferralView {
  return {
    id: r.id,
    caseId: r.caseId,
    caseNumber,
    agencyId: r.agencyId,
    agencyName: r.agency?.name ?? '',
    agencyKind: r.agencyKind,
    status: r.status,
    outcome: r.outcome ?? undefined,
    closingNote: r.closingNote ?? undefined,
    issuedAt: iso(r.issuedAt)!,
    acceptedAt: iso(r.acceptedAt),
    closedAt: iso(r.closedAt),
  };
}

export function toTimelineView(t: TimelineEntry): TimelineEntryView {
  return {
    step: t.step,
    summary: t.summary,
    actorName: t.actorName,
    agencyName: t.agencyName ?? undefined,
    at: iso(t.at)!,
  };
}

export function toCaseView(c: Case, referrals: Referral[], timeline: TimelineEntry[]): CaseView {
  return {
    ...toCaseSummaryView(c),
    description: c.description,
    incidentNumber: c.incidentNumber ?? undefined,
    parties: (c.parties ?? [])
      .sort((a, b) => a.position - b.position)
      .map((p) => ({
        kind: p.kind,
        role: p.role,
        name: p.name,
        // Masked for every caller: no role sees clear values until identity and scopes exist.
        idNumber: p.idNumberMasked ?? undefined,
        phone: p.phoneMasked ?? undefined,
      })),
    referrals: referrals.map((r) => toReferralView(r, c.caseNumber)),
    timeline: timeline.map(toTimelineView),
  };
}
