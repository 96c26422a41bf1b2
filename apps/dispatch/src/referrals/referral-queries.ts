import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, ReferralView } from '@fengqiao/contracts';
import { notFound } from '@fengqiao/errors';
import { Case } from '../cases/case.entity';
import { caseScopeOf, isInCaseScope } from '../cases/case-scope';
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
}
