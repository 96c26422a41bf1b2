import { Module } from '@nestjs/common';
import { ClassificationModule } from '../classification/classification.module';
import { RoutingModule } from '../routing/routing.module';
import { SlaModule } from '../sla/sla.module';
import { AutoDispatch } from './auto-dispatch';
import { HandOvers } from './hand-over';
import { IssueReferral } from './issue-referral';
import { ReferralProgress } from './referral-progress';
import { ReassignOnBreach } from './reassign-on-breach';
import { ReferralQueries } from './referral-queries';
import { ReferralsHandlers } from './referrals.handlers';
import { RuleOnReturn } from './rule-on-return';
import { TransferReferral } from './transfer-referral';

@Module({
  imports: [RoutingModule, ClassificationModule, SlaModule],
  controllers: [ReferralsHandlers],
  providers: [
    HandOvers,
    AutoDispatch,
    IssueReferral,
    RuleOnReturn,
    TransferReferral,
    ReferralQueries,
    ReferralProgress,
    ReassignOnBreach,
  ],
  exports: [HandOvers, TransferReferral],
})
export class ReferralsModule {}
