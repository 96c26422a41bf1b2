import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Actor, Page } from '@fengqiao/contracts';
import { pageWindow } from '@fengqiao/database';
import { assertOfficeRead } from './office-access';

/**
 * One of the office's lists (applications, legal-aid referrals, inspections): its rows only, for
 * those who may read them (403 otherwise). The caller adds its filters to the builder.
 */
export function officeRows<E extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<E>,
  alias: string,
  actor: Actor,
  agencyId: string,
): SelectQueryBuilder<E> {
  assertOfficeRead(actor, agencyId);
  return dataSource
    .getRepository(entity)
    .createQueryBuilder(alias)
    .where(`${alias}.agency_id = :agencyId`, { agencyId });
}

/** `from` (inclusive) to `to` (exclusive) on a timestamp column, each when given. */
export function between<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  column: string,
  { from, to }: { from?: string; to?: string },
): SelectQueryBuilder<E> {
  if (from) qb.andWhere(`${qb.alias}.${column} >= :from`, { from: new Date(from) });
  if (to) qb.andWhere(`${qb.alias}.${column} < :to`, { to: new Date(to) });
  return qb;
}

/** A page of the rows, newest first by `column` (the id breaks ties), as views. */
export async function newestFirst<E extends ObjectLiteral, V>(
  qb: SelectQueryBuilder<E>,
  column: string,
  q: { page?: number; pageSize?: number },
  views: (rows: E[]) => V[] | Promise<V[]>,
): Promise<Page<V>> {
  const { page, pageSize, skip } = pageWindow(q);
  const [rows, total] = await qb
    .orderBy(`${qb.alias}.${column}`, 'DESC')
    .addOrderBy(`${qb.alias}.id`, 'DESC')
    .skip(skip)
    .take(pageSize)
    .getManyAndCount();
  return { items: await views(rows), page, pageSize, total };
}
