import type { IncidentLinkView } from '@fengqiao/contracts';
import type { IncidentLink } from './incident-link.entity';

export const toIncidentLinkView = (l: IncidentLink): IncidentLinkView => ({
  incidentNumber: l.incidentNumber,
  caseId: l.caseId!,
  agencyId: l.agencyId,
  referralId: l.referralId ?? undefined,
  onTheSpotRecordId: l.onTheSpotRecordId ?? undefined,
  receivedAt: l.receivedAt.toISOString(),
  linkedAt: l.linkedAt.toISOString(),
  linkedBy: { id: l.linkedById, name: l.linkedByName },
});
