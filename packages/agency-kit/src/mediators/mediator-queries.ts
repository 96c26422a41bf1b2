import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { Actor, ListMediatorsCommand, MediatorCategory, MediatorView, Page } from '@fengqiao/contracts';
import { pageWindow } from '@fengqiao/database';
import { notFound } from '@fengqiao/errors';
import { InboxReferral } from '../inbox/inbox-referral.entity';
import { WHILE_MEDIATING } from '../inbox/working-referrals';
import { assertMayRead } from './agency-access';
import { Mediator } from './mediator.entity';
import { toMediatorView } from './mediator.views';

/** Chinese names in pinyin order (ICU collation, in every Postgres built with ICU). */
const BY_NAME = 'm.name COLLATE "zh-Hans-x-icu"';

/** An agency's mediators beyond the request's filters: e.g. only the 五老乡贤 categories. */
export interface MediatorScope {
  categories?: readonly MediatorCategory[];
}

@Injectable()
export class MediatorQueries {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * An agency's mediators, on duty first, 金牌 first, the lightest load, then by name. The load of
   * each is counted in the same query (the referrals they have in charge that are accepted or in
   * progress), so the list costs one query for the page and one for the total, however long it is.
   */
  async list(q: ListMediatorsCommand, scope: MediatorScope = {}): Promise<Page<MediatorView>> {
    const { page, pageSize, skip } = pageWindow(q);
    const qb = this.withLoad(this.dataSource.manager).where('m.agency_id = :agencyId', {
      agencyId: q.agencyId,
    });
    if (q.onDuty !== undefined) qb.andWhere('m.on_duty = :onDuty', { onDuty: q.onDuty });
    if (q.gold !== undefined) qb.andWhere('m.gold = :gold', { gold: q.gold });
    if (q.category) qb.andWhere('m.category = :category', { category: q.category });
    if (scope.categories) qb.andWhere('m.category IN (:...categories)', { categories: scope.categories });
    if (q.specialty) qb.andWhere(':specialty = ANY(m.specialties)', { specialty: q.specialty });
    if (q.q) qb.andWhere("m.name ILIKE :name ESCAPE '\\'", { name: `%${escapeLike(q.q)}%` });
    const total = await qb.getCount();
    qb.orderBy('m.on_duty', 'DESC')
      .addOrderBy('m.gold', 'DESC')
      .addOrderBy('current_load', 'ASC')
      .addOrderBy(BY_NAME, 'ASC')
      .addOrderBy('m.id', 'ASC')
      .offset(skip)
      .limit(pageSize);
    return { items: await viewsOf(qb), page, pageSize, total };
  }

  /** One mediator of the agency, with their load; 404 for anyone else's. */
  async get(actor: Actor, agencyId: string, mediatorId: string): Promise<MediatorView> {
    assertMayRead(actor, agencyId);
    return this.viewOf(this.dataSource.manager, agencyId, mediatorId);
  }

  /** The view of one mediator of the agency (inside the caller's transaction when it has one). */
  async viewOf(m: EntityManager, agencyId: string, mediatorId: string): Promise<MediatorView> {
    const qb = this.withLoad(m)
      .where('m.id = :mediatorId', { mediatorId })
      .andWhere('m.agency_id = :agencyId', { agencyId });
    const [view] = await viewsOf(qb);
    if (!view) throw notFound('mediator', '调解员', mediatorId);
    return view;
  }

  private withLoad(m: EntityManager): SelectQueryBuilder<Mediator> {
    return m
      .createQueryBuilder(Mediator, 'm')
      .addSelect(
        (sub) =>
          sub
            .select('COUNT(*)::int')
            .from(InboxReferral, 'r')
            .where('r.mediator_id = m.id')
            .andWhere('r.agency_id = m.agency_id')
            .andWhere('r.status IN (:...mediating)', { mediating: WHILE_MEDIATING }),
        'current_load',
      );
  }
}

async function viewsOf(qb: SelectQueryBuilder<Mediator>): Promise<MediatorView[]> {
  const { entities, raw } = await qb.getRawAndEntities<{ m_id: string; current_load: number }>();
  const loads = new Map(raw.map((r) => [r.m_id, Number(r.current_load)]));
  return entities.map((e) => toMediatorView(e, loads.get(e.id) ?? 0));
}

/** A user's text inside a LIKE pattern matches itself only. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
