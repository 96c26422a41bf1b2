import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '@fengqiao/contracts';
import { notFound } from '@fengqiao/errors';
import { Case } from '../cases/case.entity';
import { caseScopeOf, isInCaseScope, whereInCaseScope } from '../cases/case-scope';
import { SlaClock } from './sla-clock.entity';

/**
 * Who sees a clock: coordinators, leaders and reporters those on cases in their 辖区 (the case
 * scope); a unit's staff and mediators their own unit's clocks (what it owes), not the other
 * units' on the same case. Queries join the clock `s` to its case `c`.
 */
export function whereClockVisible<T extends object>(
  qb: SelectQueryBuilder<T>,
  actor: Actor,
): SelectQueryBuilder<T> {
  const scope = caseScopeOf(actor);
  if (scope.kind === 'agency')
    return qb.andWhere('s.agency_id = :scopeAgency', { scopeAgency: scope.agencyId });
  return whereInCaseScope(qb, scope);
}

export function isClockVisible(actor: Actor, clock: SlaClock, caseJurisdiction: string): boolean {
  const scope = caseScopeOf(actor);
  if (scope.kind === 'agency') return clock.agencyId === scope.agencyId;
  return isInCaseScope(scope, caseJurisdiction, []);
}

/** Loads and locks a clock for a command; one the actor may not see reads as not found. */
export async function lockClock(
  m: EntityManager,
  actor: Actor,
  clockId: string,
): Promise<{ clock: SlaClock; kase: Case }> {
  const clock = await m.findOne(SlaClock, { where: { id: clockId }, lock: { mode: 'pessimistic_write' } });
  const kase = clock ? await m.findOneBy(Case, { id: clock.caseId }) : null;
  if (!clock || !kase || !isClockVisible(actor, clock, kase.jurisdictionCode)) {
    throw notFound('SLA clock', '计时', clockId);
  }
  return { clock, kase };
}
