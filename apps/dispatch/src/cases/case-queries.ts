import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CaseSummaryView, CaseView, ListCasesQuery, Page } from '@fengqiao/contracts';
import { pageWindow } from '@fengqiao/database';
import { notFound } from '@fengqiao/errors';
import { subtreePrefix } from '../agencies/jurisdiction.entity';
import { Referral } from '../referrals/referral.entity';
import { Case } from './case.entity';
import { toCaseSummaryView, toCaseView } from './case.views';
import { TimelineEntry } from './timeline-entry.entity';

@Injectable()
export class CaseQueries {
  constructor(private readonly dataSource: DataSource) {}

  async get(caseId: string): Promise<CaseView> {
    const kase = await this.dataSource
      .getRepository(Case)
      .findOne({ where: { id: caseId }, relations: { parties: true } });
    if (!kase) throw notFound('case', '案件', caseId);
    const [referrals, timeline] = await Promise.all([
      this.dataSource
        .getRepository(Referral)
        .find({ where: { caseId }, relations: { agency: true }, order: { issuedAt: 'ASC' } }),
      this.dataSource
        .getRepository(TimelineEntry)
        .find({ where: { caseId }, order: { at: 'ASC', seq: 'ASC' } }),
    ]);
    return toCaseView(kase, referrals, timeline);
  }

  async list(q: ListCasesQuery): Promise<Page<CaseSummaryView>> {
    const { page, pageSize, skip } = pageWindow(q);
    const qb = this.dataSource.getRepository(Case).createQueryBuilder('c');
    if (q.status) qb.andWhere('c.status = :status', { status: q.status });
    if (q.jurisdictionCode)
      qb.andWhere('c.jurisdiction_code LIKE :prefix', { prefix: `${subtreePrefix(q.jurisdictionCode)}%` });
    const [rows, total] = await qb
      .orderBy('c.registered_at', 'DESC')
      .addOrderBy('c.id')
      .skip(skip)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map(toCaseSummaryView), page, pageSize, total };
  }
}
