import type { CommitteeProfileView } from '@fengqiao/contracts';
import type { CommitteeProfile } from './committee-profile.entity';

export function toCommitteeProfileView(p: CommitteeProfile): CommitteeProfileView {
  return {
    agencyId: p.agencyId,
    committeeKind: p.committeeKind,
    name: p.name,
    jurisdictionCode: p.jurisdictionCode,
    establishedOn: p.establishedOn,
    directorName: p.directorName,
    membersCount: p.membersCount,
    ...(p.stationedAtKind
      ? {
          stationedAt: {
            kind: p.stationedAtKind,
            ...(p.stationedAtAgencyId ? { agencyId: p.stationedAtAgencyId } : {}),
            ...(p.stationedAtNote ? { note: p.stationedAtNote } : {}),
          },
        }
      : {}),
    disputeTypes: p.disputeTypes,
    updatedAt: p.updatedAt.toISOString(),
    updatedById: p.updatedById,
  };
}
