import type { OnTheSpotMediationView } from '@fengqiao/contracts';
import type { OnTheSpotMediation } from './on-the-spot-mediation.entity';
import type { OnTheSpotParty } from './on-the-spot-party.entity';

/** A record as its readers see it: personal data masked. */
export function toOnTheSpotMediationView(
  r: OnTheSpotMediation,
  parties: OnTheSpotParty[],
): OnTheSpotMediationView {
  return {
    id: r.id,
    agencyId: r.agencyId,
    status: r.status,
    caseId: r.caseId ?? undefined,
    caseNumber: r.caseNumber ?? undefined,
    incidentNumber: r.incidentNumber ?? undefined,
    channel: r.channel,
    occurredAt: r.occurredAt.toISOString(),
    place: r.place,
    jurisdictionCode: r.jurisdictionCode,
    disputeType: r.disputeType,
    title: r.title,
    parties: [...parties]
      .sort((a, b) => a.position - b.position)
      .map((p) => ({
        kind: p.kind,
        role: p.role,
        name: p.name,
        idNumber: p.idNumberMasked ?? undefined,
        phone: p.phoneMasked ?? undefined,
      })),
    summary: r.summary,
    riskLevel: r.riskLevel,
    violenceRisk: r.violenceRisk,
    outcome: r.outcome,
    agreementSummary: r.agreementSummary ?? undefined,
    recordedBy: { id: r.recordedById, name: r.recordedByName },
    recordedAt: r.recordedAt.toISOString(),
    registeredAt: r.registeredAt?.toISOString(),
  };
}
