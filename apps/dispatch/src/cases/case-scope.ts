import type { SelectQueryBuilder } from 'typeorm';
import type { Actor } from '@fengqiao/contracts';
import { HubError } from '@fengqiao/errors';
import { subtreePrefix } from '../agencies/jurisdiction.entity';

/**
 * Which cases an actor may see, from the signed actor's role and scope: coordinators, reporters
 * and leaders their 辖区 subtree; agency staff and mediators the cases referred to their agency;
 * anyone else (admin) none.
 */
export type CaseScope =
  { kind: 'subtree'; prefix: string } | { kind: 'agency'; agencyId: string } | { kind: 'none' };

export function caseScopeOf(actor: Actor): CaseScope {
  switch (actor.role) {
    case 'coordinator':
    case 'reporter':
    case 'leader':
      return actor.jurisdictionCode
        ? { kind: 'subtree', prefix: subtreePrefix(actor.jurisdictionCode) }
        : { kind: 'none' };
    case 'agency_staff':
    case 'mediator':
      return actor.agencyId ? { kind: 'agency', agencyId: actor.agencyId } : { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}

/** Narrows a query on cases (alias `c`) to the scope, in SQL, so lists, counts and pages agree. */
export function whereInCaseScope<T extends object>(
  qb: SelectQueryBuilder<T>,
  scope: CaseScope,
): SelectQueryBuilder<T> {
  switch (scope.kind) {
    case 'subtree':
      return qb.andWhere('c.jurisdiction_code LIKE :scopePrefix', { scopePrefix: `${scope.prefix}%` });
    case 'agency':
      return qb.andWhere(
        'EXISTS (SELECT 1 FROM dispatch.referrals sr WHERE sr.case_id = c.id AND sr.agency_id = :scopeAgency)',
        { scopeAgency: scope.agencyId },
      );
    case 'none':
      return qb.andWhere('1 = 0');
  }
}

/** The same rule for one case already loaded, given the agencies it was referred to. */
export function isInCaseScope(
  scope: CaseScope,
  jurisdictionCode: string,
  referredAgencyIds: string[],
): boolean {
  switch (scope.kind) {
    case 'subtree':
      return jurisdictionCode.startsWith(scope.prefix);
    case 'agency':
      return referredAgencyIds.includes(scope.agencyId);
    case 'none':
      return false;
  }
}

/** A write in a jurisdiction outside the actor's own subtree. */
export function assertWithinJurisdiction(actor: Actor, jurisdictionCode: string): void {
  const scope = caseScopeOf(actor);
  if (scope.kind !== 'subtree' || !jurisdictionCode.startsWith(scope.prefix)) {
    throw new HubError(
      403,
      'FORBIDDEN',
      `${jurisdictionCode} is outside your jurisdiction`,
      `辖区 ${jurisdictionCode} 不在您的管辖范围内`,
    );
  }
}
