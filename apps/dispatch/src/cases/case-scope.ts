import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '@fengqiao/contracts';
import { forbidden, notFound } from '@fengqiao/errors';
import { subtreePrefix } from '../agencies/jurisdiction.entity';
import { assertRole } from '../roles';
import { Case } from './case.entity';

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
      // Registered by the unit (a police station's own intake), referred to it, or the unit was
      // summoned by a whistle or given a conference task on it.
      return qb.andWhere(
        '(c.first_owner_agency_id = :scopeAgency' +
          ' OR EXISTS (SELECT 1 FROM dispatch.referrals sr WHERE sr.case_id = c.id AND sr.agency_id = :scopeAgency)' +
          ' OR EXISTS (SELECT 1 FROM dispatch.whistle_summons sw WHERE sw.case_id = c.id AND sw.unit_id = :scopeAgency)' +
          ' OR EXISTS (SELECT 1 FROM dispatch.conference_tasks st WHERE st.case_id = c.id AND st.unit_id = :scopeAgency))',
        { scopeAgency: scope.agencyId },
      );
    case 'none':
      return qb.andWhere('1 = 0');
  }
}

/**
 * The same rule for one case already loaded, given the agencies it was referred to and, optionally,
 * the units summoned to it or tasked on it (`unitsInvolvedIn`).
 */
export function isInCaseScope(
  scope: CaseScope,
  jurisdictionCode: string,
  referredAgencyIds: string[],
  involvedUnitIds: readonly string[] = [],
): boolean {
  switch (scope.kind) {
    case 'subtree':
      return jurisdictionCode.startsWith(scope.prefix);
    case 'agency':
      return referredAgencyIds.includes(scope.agencyId) || involvedUnitIds.includes(scope.agencyId);
    case 'none':
      return false;
  }
}

/** A write in a jurisdiction outside the actor's own subtree. */
export function assertWithinJurisdiction(actor: Actor, jurisdictionCode: string): void {
  const scope = caseScopeOf(actor);
  if (scope.kind !== 'subtree' || !jurisdictionCode.startsWith(scope.prefix)) {
    throw forbidden(
      `${jurisdictionCode} is outside your jurisdiction`,
      `辖区 ${jurisdictionCode} 不在您的管辖范围内`,
    );
  }
}

/** Units on a case without a referral: summoned by one of its whistles or given a conference task. */
export async function unitsInvolvedIn(db: EntityManager | DataSource, caseId: string): Promise<string[]> {
  const rows: { unit_id: string }[] = await db.query(
    'SELECT unit_id FROM dispatch.whistle_summons WHERE case_id = $1' +
      ' UNION SELECT unit_id FROM dispatch.conference_tasks WHERE case_id = $1',
    [caseId],
  );
  return rows.map((r) => r.unit_id);
}

/**
 * Loads and locks a case for a coordinator's command (other roles: 403): outside their 辖区 it reads as "not found",
 * because its existence is not theirs to know.
 */
export async function lockCaseForCoordinator(m: EntityManager, actor: Actor, caseId: string): Promise<Case> {
  assertRole(actor, ['coordinator'], 'handle cases', '处理案件');
  const kase = await m.findOne(Case, { where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
  if (!kase || !isInCaseScope(caseScopeOf(actor), kase.jurisdictionCode, [])) {
    throw notFound('case', '案件', caseId);
  }
  return kase;
}
