import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ReferralView } from '@fengqiao/contracts';
import { notFound } from '@fengqiao/errors';
import { Case } from '../cases/case.entity';
import { toReferralView } from '../cases/case.views';
import { Referral } from './referral.entity';

@Injectable()
export class ReferralQueries {
  constructor(private readonly dataSource: DataSource) {}

  async get(referralId: string): Promise<ReferralView> {
    const referral = await this.dataSource
      .getRepository(Referral)
      .findOne({ where: { id: referralId }, relations: { agency: true } });
    if (!referral) throw notFound('referral', '派单', referralId);
    const kase = await this.dataSource.getRepository(Case).findOneByOrFail({ id: referral.caseId });
    return toReferralView(referral, kase.caseNumber);
  }
}
