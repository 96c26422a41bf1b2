import type { EntityManager } from 'typeorm';
import { conflict } from '@fengqiao/errors';
import { IncidentLink } from './incident-link.entity';

/** Who claims an incident for what: a referral's case, or an on-the-spot record (case still unknown). */
export interface IncidentClaim {
  incidentNumber: string;
  caseId: string | null;
  agencyId: string;
  referralId?: string;
  onTheSpotRecordId?: string;
  receivedAt: Date;
  by: { id: string; name: string };
  at: Date;
}

/**
 * Claims a 110 incident number for a case (or for an on-the-spot record whose case is still being
 * registered). The number is the key: of two claims racing for it one inserts, the other finds the
 * winner's. Returns the link as it stands, for the caller to see whose it is.
 */
export async function claimIncident(m: EntityManager, claim: IncidentClaim): Promise<IncidentLink> {
  const { by, at, ...link } = claim;
  await m
    .createQueryBuilder()
    .insert()
    .into(IncidentLink)
    .values({
      referralId: null,
      onTheSpotRecordId: null,
      ...link,
      linkedAt: at,
      linkedById: by.id,
      linkedByName: by.name,
    })
    .orIgnore()
    .execute();
  return m.findOneByOrFail(IncidentLink, { incidentNumber: claim.incidentNumber });
}

/** 409: an incident belongs to one case only. */
export const incidentTaken = (incidentNumber: string) =>
  conflict(
    `110 incident ${incidentNumber} is already linked to another case`,
    `110警情 ${incidentNumber} 已关联其他案件，一个警情只能关联一个案件`,
  );
