import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Actor, SummonsStatus } from '@fengqiao/contracts';
import { notFound } from '@fengqiao/errors';
import { Case } from '../cases/case.entity';
import { caseScopeOf } from '../cases/case-scope';
import { Whistle, WhistleSummons } from './whistle.entity';

export const SUMMONS_STATUS_ZH: Record<SummonsStatus, string> = {
  summoned: '已召集，未报到',
  responded: '已报到，未报告支援',
  supported: '已支援',
};

/**
 * Who sees a whistle: coordinators, leaders and reporters when its case lies in their 辖区 subtree;
 * agency staff and mediators when their unit raised it or is summoned by it; nobody else.
 */
export function canSeeWhistle(
  actor: Actor,
  kase: Pick<Case, 'jurisdictionCode'>,
  whistle: Pick<Whistle, 'raisedByUnitId'>,
  summonedUnitIds: readonly string[],
): boolean {
  const scope = caseScopeOf(actor);
  switch (scope.kind) {
    case 'subtree':
      return kase.jurisdictionCode.startsWith(scope.prefix);
    case 'agency':
      return whistle.raisedByUnitId === scope.agencyId || summonedUnitIds.includes(scope.agencyId);
    case 'none':
      return false;
  }
}

/** The same rule in SQL for a query on whistles (alias `w`) joined to their case (alias `c`). */
export function whereWhistleVisible<T extends object>(
  qb: SelectQueryBuilder<T>,
  actor: Actor,
): SelectQueryBuilder<T> {
  const scope = caseScopeOf(actor);
  switch (scope.kind) {
    case 'subtree':
      return qb.andWhere('c.jurisdiction_code LIKE :scopePrefix', { scopePrefix: `${scope.prefix}%` });
    case 'agency':
      return qb.andWhere(
        '(w.raised_by_unit_id = :scopeUnit OR EXISTS (SELECT 1 FROM dispatch.whistle_summons vs WHERE vs.whistle_id = w.id AND vs.unit_id = :scopeUnit))',
        { scopeUnit: scope.agencyId },
      );
    case 'none':
      return qb.andWhere('1 = 0');
  }
}

/**
 * Loads a whistle for a change, locked so its units' answers and its closing are serialised,
 * with its case and summons; a whistle the actor may not see reads as "not found".
 */
export async function loadWhistleForUpdate(
  m: EntityManager,
  actor: Actor,
  whistleId: string,
): Promise<{ whistle: Whistle; kase: Case; summons: WhistleSummons[] }> {
  const whistle = await m.findOne(Whistle, { where: { id: whistleId }, lock: { mode: 'pessimistic_write' } });
  if (!whistle) throw notFound('whistle', '吹哨', whistleId);
  const kase = await m.findOneByOrFail(Case, { id: whistle.caseId });
  const summons = await m.find(WhistleSummons, {
    where: { whistleId },
    relations: { unit: true },
    order: { position: 'ASC' },
  });
  if (
    !canSeeWhistle(
      actor,
      kase,
      whistle,
      summons.map((s) => s.unitId),
    )
  )
    throw notFound('whistle', '吹哨', whistleId);
  return { whistle, kase, summons };
}
