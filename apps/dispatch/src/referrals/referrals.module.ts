import { Module } from '@nestjs/common';
import { IssueReferral } from './issue-referral';
import { ReferralProgress } from './referral-progress';
import { ReferralQueries } from './referral-queries';
import { ReferralsHandlers } from './referrals.handlers';

@Module({ controllers: [ReferralsHandlers], providers: [IssueReferral, ReferralQueries, ReferralProgress] })
export class ReferralsModule {}
