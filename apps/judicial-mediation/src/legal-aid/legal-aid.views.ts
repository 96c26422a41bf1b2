import type { LegalAidReferralView } from '@fengqiao/contracts';
import type { LegalAidReferral } from './legal-aid-referral.entity';

export function toLegalAidView(r: LegalAidReferral): LegalAidReferralView {
  return {
    id: r.id,
    agencyId: r.agencyId,
    referralId: r.referralId,
    caseId: r.caseId,
    caseNumber: r.caseNumber,
    partyName: r.partyName,
    ...(r.partyPosition ? { partyPosition: r.partyPosition } : {}),
    reason: r.reason,
    economicHardship: r.economicHardship,
    matter: r.matter,
    ...(r.contactPhoneMasked ? { contactPhone: r.contactPhoneMasked } : {}),
    status: r.status,
    ...(r.answerNote ? { answerNote: r.answerNote } : {}),
    referredAt: r.referredAt.toISOString(),
    ...(r.answeredAt ? { answeredAt: r.answeredAt.toISOString() } : {}),
  };
}
