import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '@fengqiao/contracts';
import { forbidden, notFound } from '@fengqiao/errors';
import { subtreePrefix } from '../agencies/jurisdiction.entity';
import { Case } from '../cases/case.entity';
import { caseScopeOf } from '../cases/case-scope';
import { SlaClock } from './sla-clock.entity';

/**
 * Who sees a clock: coordinators, leaders and reporters those on cases in their 辖区; a unit's staff
 * and mediators their own unit's clocks (what it owes), not the other units' on the same case.
 */
export function whereClockVisible<T extends object>(
  qb: SelectQueryBuilder<T>,
  actor: Actor,
): SelectQueryBuilder<T> {
  const scope = caseScopeOf(actor);
  switch (scope.kind) {
    case 'subtree':
      return qb.andWhere('k.jurisdiction_code LIKE :scopePrefix', { scopePrefix: `${scope.prefix}%` });
    case 'agency':
      return qb.andWhere('s.agency_id = :scopeAgency', { scopeAgency: scope.agencyId });
    case 'none':
      return qb.andWhere('1 = 0');
  }
}

export function isClockVisible(actor: Actor, clock: SlaClock, caseJurisdiction: string): boolean {
  const scope = caseScopeOf(actor);
  if (scope.kind === 'subtree') return caseJurisdiction.startsWith(scope.prefix);
  if (scope.kind === 'agency') return clock.agencyId === scope.agencyId;
  return false;
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

/** A jurisdiction filter must lie within the caller's own. */
export function scopedPrefix(actor: Actor, jurisdictionCode?: string): string | undefined {
  if (!jurisdictionCode) return undefined;
  const prefix = subtreePrefix(jurisdictionCode);
  const scope = caseScopeOf(actor);
  if (scope.kind === 'subtree' && !prefix.startsWith(scope.prefix)) {
    throw forbidden(
      `${jurisdictionCode} is outside your jurisdiction`,
      `辖区 ${jurisdictionCode} 不在您的管辖范围内`,
    );
  }
  return prefix;
}
