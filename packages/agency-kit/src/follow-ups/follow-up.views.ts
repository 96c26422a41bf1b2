import type { FollowUpView } from '@fengqiao/contracts';
import type { InboxReferral } from '../inbox/inbox-referral.entity';
import type { FollowUp } from './follow-up.entity';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : undefined);

/** A follow-up with what its reader needs of the referral (the case, when it was closed). */
export function toFollowUpView(f: FollowUp, referral: InboxReferral, now = new Date()): FollowUpView {
  return {
    id: f.id,
    referralId: f.referralId,
    caseId: referral.caseId,
    caseNumber: referral.caseNumber,
    caseTitle: referral.caseTitle,
    agencyId: f.agencyId,
    status: f.status,
    method: f.method,
    scheduledFor: iso(f.scheduledFor)!,
    overdue: f.status === 'scheduled' && new Date(f.scheduledFor) < now,
    assigneeMediatorId: f.assigneeMediatorId ?? undefined,
    assigneeMediatorName: f.assignee?.name,
    satisfaction: f.satisfaction ?? undefined,
    rebound: f.rebound ?? undefined,
    note: f.note ?? undefined,
    contactedPartyPositions: f.contactedPartyPositions ?? undefined,
    recordedAt: iso(f.recordedAt),
    recordedBy: f.recordedById ? { id: f.recordedById, name: f.recordedByName ?? '' } : undefined,
    closedAt: iso(referral.closedAt)!,
  };
}
