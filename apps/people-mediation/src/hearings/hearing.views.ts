import type { HearingView } from '@fengqiao/contracts';
import type { Hearing } from './hearing.entity';

export function toHearingView(h: Hearing): HearingView {
  const participants = h.participants.map((p, index) => ({ index, ...p }));
  return {
    id: h.id,
    referralId: h.referralId,
    caseId: h.caseId,
    agencyId: h.agencyId,
    sequence: h.sequence,
    status: h.status,
    scheduledFor: h.scheduledFor.toISOString(),
    place: h.place,
    chair: { name: h.chairName, role: h.chairRole },
    participants,
    scheduledAt: h.scheduledAt.toISOString(),
    scheduledById: h.scheduledById,
    ...(h.status === 'held'
      ? {
          heldAt: h.heldAt?.toISOString(),
          statements: [...(h.statements ?? [])]
            .sort((a, b) => a.order - b.order)
            .map((s) => ({
              order: s.order,
              participantIndex: s.participantIndex,
              participantName: participants[s.participantIndex].name,
              participantRole: participants[s.participantIndex].role,
              content: s.content,
            })),
          ...(h.debate ? { debate: h.debate } : {}),
          finding: h.finding ?? undefined,
          result: h.result ?? undefined,
          recordedAt: h.recordedAt?.toISOString(),
          recordedById: h.recordedById ?? undefined,
        }
      : {}),
  };
}
