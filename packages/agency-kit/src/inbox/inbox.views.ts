import type { InboxReferralView } from '@fengqiao/contracts';
import type { InboxReferral } from './inbox-referral.entity';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : undefined);

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
    outcome: r.outcome ?? undefined,
    closingNote: r.closingNote ?? undefined,
    issuedAt: iso(r.issuedAt)!,
    receivedAt: iso(r.receivedAt)!,
    acceptedAt: iso(r.acceptedAt),
    closedAt: iso(r.closedAt),
  };
}
