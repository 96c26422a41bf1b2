import type { InboxReferralView } from '@fengqiao/contracts';
import type { InboxReferral } from './inbox-referral.entity';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : undefined);
const opt = <T>(v: T | null) => v ?? undefined;

export function toInboxReferralView(r: InboxReferral): InboxReferralView {
  return {
    id: r.id,
    caseId: r.caseId,
    caseNumber: r.caseNumber,
    caseTitle: r.caseTitle,
    disputeType: r.disputeType,
    jurisdictionCode: r.jurisdictionCode,
    agencyId: r.agencyId,
    status: r.status,
    role: r.role,
    riskLevel: r.riskLevel,
    violenceRisk: r.violenceRisk,
    ladderLevel: opt(r.ladderLevel),
    issueNote: opt(r.issueNote),
    outcome: opt(r.outcome),
    closingNote: opt(r.closingNote),
    agreementSummary: opt(r.agreementSummary),
    nextStep: opt(r.nextStep),
    mediatorId: opt(r.mediatorId),
    returnReason: opt(r.returnReason),
    returnNote: opt(r.returnNote),
    ruling: opt(r.ruling),
    rulingNote: opt(r.rulingNote),
    transferredToReferralId: opt(r.transferredToReferralId),
    transferredToAgencyId: opt(r.transferredToAgencyId),
    transferReason: opt(r.transferReason),
    issuedAt: iso(r.issuedAt)!,
    receivedAt: iso(r.receivedAt)!,
    acceptedAt: iso(r.acceptedAt),
    startedAt: iso(r.startedAt),
    returnedAt: iso(r.returnedAt),
    // The time of the ruling on the latest return, shown with it.
    ruledAt: r.ruling ? iso(r.ruledAt) : undefined,
    transferredAt: iso(r.transferredAt),
    closedAt: iso(r.closedAt),
  };
}
