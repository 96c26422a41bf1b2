import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, ListDispatchReferralsQuery, Page, ReferralView } from '@fengqiao/contracts';
import { pageWindow } from '@fengqiao/database';
import { notFound } from '@fengqiao/errors';
import { Case } from '../cases/case.entity';
import { caseScopeOf, isInCaseScope, whereInCaseScope } from '../cases/case-scope';
import { toReferralView } from '../cases/case.views';
import { Referral } from './referral.entity';

@Injectable()
export class ReferralQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** A referral its case's 辖区 or its own agency may see; any other reads as "not found". */
  async get(referralId: string, actor: Actor): Promise<ReferralView> {
    const referral = await this.dataSource
      .getRepository(Referral)
      .findOne({ where: { id: referralId }, relations: { agency: true } });
    if (!referral) throw notFound('referral', '派单', referralId);
    const kase = await this.dataSource.getRepository(Case).findOneByOrFail({ id: referral.caseId });
    if (!isInCaseScope(caseScopeOf(actor), kase.jurisdictionCode, [referral.agencyId])) {
      throw notFound('referral', '派单', referralId);
    }
    return toReferralView(referral, kase.caseNumber);
  }

  /** Referrals across agencies for cases in the caller's scope; returns awaiting a ruling, rulings counted. */
  async list(q: ListDispatchReferralsQuery, actor: Actor): Promise<Page<ReferralView>> {
    const { page, pageSize, skip } = pageWindow(q);
    const qb = this.dataSource
      .getRepository(Referral)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.case', 'c')
      .leftJoinAndSelect('r.agency', 'a');
    whereInCaseScope(qb, caseScopeOf(actor));
    if (q.status) qb.andWhere('r.status = :status', { status: q.status });
    if (q.agencyId) qb.andWhere('r.agency_id = :agencyId', { agencyId: q.agencyId });
    if (q.caseId) qb.andWhere('r.case_id = :caseId', { caseId: q.caseId });
    if (q.awaitingRuling !== undefined)
      qb.andWhere('r.awaiting_ruling = :awaiting', { awaiting: q.awaitingRuling });
    if (q.ruling) qb.andWhere('r.ruling = :ruling', { ruling: q.ruling });
    const [rows, total] = await qb
      .orderBy('r.issued_at', 'DESC')
      .addOrderBy('r.id')
      .skip(skip)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map((r) => toReferralView(r, r.case!.caseNumber)), page, pageSize, total };
  }
}
