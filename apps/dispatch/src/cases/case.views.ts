import type {
  CaseLinkView,
  CaseSummaryView,
  CaseView,
  ReferralView,
  TimelineEntryView,
} from '@fengqiao/contracts';
import type { Agency } from '../agencies/agency.entity';
import type { CaseEscalation } from '../ladder/case-escalation.entity';
import type { LadderLevel } from '../ladder/ladder.entity';
import type { Referral } from '../referrals/referral.entity';
import type { Case } from './case.entity';
import type { TimelineEntry } from './timeline-entry.entity';

/** A stored moment as the API shows it (ISO 8601), absent when unset. */
export const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : undefined);

export function toCaseSummaryView(c: Case): CaseSummaryView {
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    title: c.title,
    disputeType: c.disputeType,
    jurisdictionCode: c.jurisdictionCode,
    channel: c.channel,
    status: c.status,
    riskLevel: c.riskLevel,
    violenceRisk: c.violenceRisk,
    repeat: c.isRepeat,
    pingPong: c.pingPong,
    rebound: c.rebound,
    ladderLevel: c.ladderLevel,
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
    role: r.role,
    status: r.status,
    ladderLevel: r.ladderLevel,
    matrixVersion: r.matrixVersion ?? undefined,
    matrixOverrideReason: r.matrixOverrideReason ?? undefined,
    outcome: r.outcome ?? undefined,
    closingNote: r.closingNote ?? undefined,
    agreementSummary: r.agreementSummary ?? undefined,
    nextStep: r.nextStep ?? undefined,
    returnReason: r.returnReason ?? undefined,
    returnNote: r.returnNote ?? undefined,
    awaitingRuling: r.awaitingRuling || undefined,
    ruling: r.ruling ?? undefined,
    transferredToId: r.transferredToId ?? undefined,
    reopenedFromReferralId: r.reopenedFromReferralId ?? undefined,
    issuedAt: iso(r.issuedAt)!,
    acceptedAt: iso(r.acceptedAt),
    returnedAt: iso(r.returnedAt),
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

/** What a case view shows beside the case row itself. */
export interface CaseDetail {
  referrals: Referral[];
  timeline: TimelineEntry[];
  rung: LadderLevel;
  links: CaseLinkView[];
  escalations: CaseEscalation[];
}

export function toCaseView(c: Case, d: CaseDetail): CaseView {
  return {
    ...toCaseSummaryView(c),
    description: c.description,
    incidentNumber: c.incidentNumber ?? undefined,
    address: c.address ?? undefined,
    firstOwner: {
      id: c.firstOwnerId,
      name: c.firstOwnerName,
      agencyId: c.firstOwnerAgencyId ?? undefined,
    },
    ownerAgencyId: c.ownerAgencyId ?? undefined,
    ladder: {
      code: c.ladderCode,
      level: c.ladderLevel,
      levelName: d.rung.nameZh,
      mode: d.rung.mode,
      startLevel: c.startLevel,
      proposedLevel: c.proposedLevel ?? undefined,
      closedLevel: c.closedLevel ?? undefined,
    },
    links: d.links,
    escalations: d.escalations.map((e) => ({
      fromLevel: e.fromLevel,
      toLevel: e.toLevel,
      reason: e.reason,
      escalatedBy: e.escalatedByName,
      at: iso(e.escalatedAt)!,
    })),
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
    referrals: d.referrals.map((r) => toReferralView(r, c.caseNumber)),
    timeline: d.timeline.map(toTimelineView),
  };
}
