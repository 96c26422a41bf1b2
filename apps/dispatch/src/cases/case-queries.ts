import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, CaseSummaryView, CaseView, ListCasesQuery, Page } from '@fengqiao/contracts';
import { pageWindow } from '@fengqiao/database';
import { notFound } from '@fengqiao/errors';
import { subtreePrefix } from '../agencies/jurisdiction.entity';
import { Referral } from '../referrals/referral.entity';
import { Case } from './case.entity';
import { caseScopeOf, whereInCaseScope } from './case-scope';
import { toCaseSummaryView, toCaseView } from './case.views';
import { TimelineEntry } from './timeline-entry.entity';

@Injectable()
export class CaseQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** One case with its parties, referrals and timeline; a case outside the actor's scope is "not found". */
  async get(caseId: string, actor: Actor): Promise<CaseView> {
    const qb = this.dataSource
      .getRepository(Case)
      .createQueryBuilder('c')
      .leftJoinAndSelect('c.parties', 'p')
      .where('c.id = :caseId', { caseId });
    const kase = await whereInCaseScope(qb, caseScopeOf(actor)).getOne();
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

  async list(q: ListCasesQuery, actor: Actor): Promise<Page<CaseSummaryView>> {
    const { page, pageSize, skip } = pageWindow(q);
    const qb = whereInCaseScope(
      this.dataSource.getRepository(Case).createQueryBuilder('c'),
      caseScopeOf(actor),
    );
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
