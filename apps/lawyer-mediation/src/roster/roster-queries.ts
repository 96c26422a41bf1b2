import { Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import type {
  Actor,
  GetLawyerCommand,
  LawyerFiltersQuery,
  LawyerView,
  ListLawyersCommand,
  ListRosterQuery,
  Page,
} from '@fengqiao/contracts';
import { assertMayRead } from '@fengqiao/agency-kit';
import { pageWindow } from '@fengqiao/database';
import { LawyerProfile } from './lawyer-profile.entity';
import { toLawyerView } from './lawyer.views';
import { containing } from './like';
import { getStudioLawyer } from './studio-lawyers';

@Injectable()
export class RosterQueries {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * 律师名录 as the parties see it at the centre: every studio's published lawyers, on duty first,
   * 金牌 first, then by firm and name. Only masked phones, like every view.
   */
  published(q: ListRosterQuery): Promise<Page<LawyerView>> {
    const qb = this.filtered(q).andWhere('p.published');
    if (q.agencyId) qb.andWhere('m.agency_id = :agencyId', { agencyId: q.agencyId });
    qb.orderBy('m.on_duty', 'DESC').addOrderBy('m.gold', 'DESC');
    return this.page(qb, q);
  }

  /** A studio's own lawyers, published or not, for its staff (and coordinators). */
  studio(actor: Actor, q: ListLawyersCommand): Promise<Page<LawyerView>> {
    assertMayRead(actor, q.agencyId);
    const qb = this.filtered(q).andWhere('m.agency_id = :agencyId', { agencyId: q.agencyId });
    if (q.published !== undefined) qb.andWhere('p.published = :published', { published: q.published });
    if (q.q) qb.andWhere("m.name ILIKE :name ESCAPE '\\'", { name: containing(q.q) });
    qb.orderBy('p.published', 'DESC').addOrderBy('m.on_duty', 'DESC');
    return this.page(qb, q);
  }

  async get(actor: Actor, q: GetLawyerCommand): Promise<LawyerView> {
    assertMayRead(actor, q.agencyId);
    return toLawyerView(await getStudioLawyer(this.dataSource.manager, q.agencyId, q.lawyerId));
  }

  private filtered(q: LawyerFiltersQuery): SelectQueryBuilder<LawyerProfile> {
    const qb = this.dataSource
      .getRepository(LawyerProfile)
      .createQueryBuilder('p')
      .innerJoinAndSelect('p.mediator', 'm')
      .where("m.category = 'lawyer'");
    if (q.specialty) qb.andWhere(':specialty = ANY(m.specialties)', { specialty: q.specialty });
    if (q.language) qb.andWhere(':language = ANY(p.languages)', { language: q.language.trim() });
    if (q.firm) qb.andWhere("p.firm ILIKE :firm ESCAPE '\\'", { firm: containing(q.firm.trim()) });
    if (q.onDuty !== undefined) qb.andWhere('m.on_duty = :onDuty', { onDuty: q.onDuty });
    return qb;
  }

  /** The order so far, then firm and name (pinyin) and id, so pages never overlap. */
  private async page(qb: SelectQueryBuilder<LawyerProfile>, q: LawyerFiltersQuery) {
    const { page, pageSize, skip } = pageWindow(q);
    const total = await qb.getCount();
    const rows = await qb
      .addOrderBy('p.firm', 'ASC')
      .addOrderBy('m.name COLLATE "zh-Hans-x-icu"', 'ASC')
      .addOrderBy('p.mediator_id', 'ASC')
      .offset(skip)
      .limit(pageSize)
      .getMany();
    return { items: rows.map(toLawyerView), page, pageSize, total };
  }
}
