import { Injectable } from '@nestjs/common';
import { DataSource, In, type SelectQueryBuilder } from 'typeorm';
import type { Actor, LawyerHoursTotal, ListProBonoHoursCommand, ProBonoHoursPage } from '@fengqiao/contracts';
import { assertMayRead, Mediator } from '@fengqiao/agency-kit';
import { pageWindow } from '@fengqiao/database';
import { unprocessable } from '@fengqiao/errors';
import { LawyerProfile } from '../roster/lawyer-profile.entity';
import { ProBonoEntry } from './pro-bono-entry.entity';
import { toProBonoHoursView } from './pro-bono.views';

interface TotalRow {
  lawyer_id: string;
  name: string;
  firm: string;
  half_hours: number;
  entries: number;
}

@Injectable()
export class ProBonoQueries {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A studio's pro bono hours over a period: a page of entries (latest day first) and, over the
   * whole filter, each lawyer's total (most hours first) and the studio's. Leaders read these too.
   */
  async list(actor: Actor, q: ListProBonoHoursCommand): Promise<ProBonoHoursPage> {
    // Leaders watch the studios' 公益服务 across the city; otherwise as every studio list.
    if (actor.role !== 'leader') assertMayRead(actor, q.agencyId);
    if (q.from && q.to && q.to < q.from)
      throw unprocessable(
        'to',
        `must not be before from (${q.from})`,
        `结束日期不能早于开始日期（${q.from}）`,
      );
    const { page, pageSize, skip } = pageWindow(q);
    const [entries, total] = await this.filtered(q)
      .orderBy('e.work_date', 'DESC')
      .addOrderBy('e.recorded_at', 'DESC')
      .addOrderBy('e.id', 'ASC')
      .skip(skip)
      .take(pageSize)
      .getManyAndCount();
    const lawyers = await this.dataSource.manager.findBy(Mediator, {
      id: In([...new Set(entries.map((e) => e.lawyerId))]),
    });
    const nameOf = new Map(lawyers.map((l) => [l.id, l.name]));
    const totals = await this.filtered(q)
      .innerJoin(Mediator, 'm', 'm.id = e.lawyer_id')
      .innerJoin(LawyerProfile, 'p', 'p.mediator_id = e.lawyer_id')
      .select('e.lawyer_id', 'lawyer_id')
      .addSelect('m.name', 'name')
      .addSelect('p.firm', 'firm')
      .addSelect('SUM(e.half_hours)::int', 'half_hours')
      .addSelect('COUNT(*)::int', 'entries')
      .groupBy('e.lawyer_id')
      .addGroupBy('m.name')
      .addGroupBy('p.firm')
      .orderBy('half_hours', 'DESC')
      .addOrderBy('m.name', 'ASC')
      .getRawMany<TotalRow>();
    const byLawyer: LawyerHoursTotal[] = totals.map((t) => ({
      lawyerId: t.lawyer_id,
      name: t.name,
      firm: t.firm,
      hours: t.half_hours / 2,
      entries: t.entries,
    }));
    return {
      items: entries.map((e) => toProBonoHoursView(e, nameOf.get(e.lawyerId) ?? '')),
      page,
      pageSize,
      total,
      totals: byLawyer,
      totalHours: byLawyer.reduce((sum, t) => sum + t.hours, 0),
    };
  }

  private filtered(q: ListProBonoHoursCommand): SelectQueryBuilder<ProBonoEntry> {
    const qb = this.dataSource
      .getRepository(ProBonoEntry)
      .createQueryBuilder('e')
      .where('e.agency_id = :agencyId', { agencyId: q.agencyId });
    if (q.from) qb.andWhere('e.work_date >= :from', { from: q.from });
    if (q.to) qb.andWhere('e.work_date <= :to', { to: q.to });
    if (q.lawyerId) qb.andWhere('e.lawyer_id = :lawyerId', { lawyerId: q.lawyerId });
    if (q.referralId) qb.andWhere('e.referral_id = :referralId', { referralId: q.referralId });
    return qb;
  }
}
