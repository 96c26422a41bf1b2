import type { Actor, AgencyKind, FollowUpScheduledV1 } from '@fengqiao/contracts';
import type { InboxReferral } from '../inbox/inbox-referral.entity';
import { referralFacts } from '../inbox/working-referrals';
import type { FollowUp } from './follow-up.entity';

/** FollowUpScheduledV1 for the plan a follow-up has now (on closing, and again when re-planned). */
export const followUpFacts = (
  referral: InboxReferral,
  f: FollowUp,
  kind: AgencyKind,
  scheduledBy: Actor,
): FollowUpScheduledV1 => ({
  ...referralFacts(referral, kind),
  followUpId: f.id,
  method: f.method,
  scheduledFor: f.scheduledFor.toISOString(),
  scheduledAt: f.scheduledAt.toISOString(),
  scheduledBy,
});
