import type { MediationSessionView } from '@fengqiao/contracts';
import type { MediationSession } from './mediation-session.entity';

export function toMediationSessionView(s: MediationSession): MediationSessionView {
  return {
    id: s.id,
    referralId: s.referralId,
    agencyId: s.agencyId,
    sequence: s.sequence,
    heldAt: new Date(s.heldAt).toISOString(),
    place: s.place,
    mediators: s.mediators,
    participants: s.participants,
    summary: s.summary,
    result: s.result,
    nextSessionAt: s.nextSessionAt ? new Date(s.nextSessionAt).toISOString() : undefined,
    recordedBy: { id: s.recordedById, name: s.recordedByName },
    recordedAt: new Date(s.recordedAt).toISOString(),
  };
}
