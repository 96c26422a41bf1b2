import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AgencyView, ListAgenciesQuery, Page } from '@fengqiao/contracts';
import { pageWindow } from '@fengqiao/database';
import { notFound } from '@fengqiao/errors';
import { Agency } from './agency.entity';
import { subtreePrefix } from './jurisdiction.entity';

const toView = (a: Agency): AgencyView => ({
  id: a.id,
  name: a.name,
  kind: a.kind,
  jurisdictionCode: a.jurisdictionCode,
  jurisdictionName: a.jurisdiction?.name ?? '',
  capacity: a.capacity,
  published: a.published,
  specialties: a.specialties,
});

@Injectable()
export class AgencyQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(q: ListAgenciesQuery): Promise<Page<AgencyView>> {
    const { page, pageSize, skip } = pageWindow(q);
    const qb = this.dataSource
      .getRepository(Agency)
      .createQueryBuilder('a')
      .leftJoinAndSelect('a.jurisdiction', 'j');
    if (q.kind) qb.andWhere('a.kind = :kind', { kind: q.kind });
    if (q.jurisdictionCode)
      qb.andWhere('a.jurisdiction_code LIKE :prefix', { prefix: `${subtreePrefix(q.jurisdictionCode)}%` });
    const [rows, total] = await qb
      .orderBy('a.jurisdiction_code')
      .addOrderBy('a.name')
      .skip(skip)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map(toView), page, pageSize, total };
  }

  async get(agencyId: string): Promise<AgencyView> {
    const agency = await this.dataSource
      .getRepository(Agency)
      .findOne({ where: { id: agencyId }, relations: { jurisdiction: true } });
    if (!agency) throw notFound('agency', '单位', agencyId);
    return toView(agency);
  }
}
