import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ReferralsModule } from '../referrals/referrals.module';
import { OnTheSpotSettlements } from './on-the-spot-settlements';
import { PoliceHandOffs } from './police-hand-offs';
import { ViolenceRiskAssessments } from './violence-risk-assessments';

/** What the agencies report beyond the inbox and dispatch acts on: 民转刑 assessments, 警调对接, 当场调处. */
@Module({
  imports: [CasesModule, ReferralsModule],
  providers: [ViolenceRiskAssessments, PoliceHandOffs, OnTheSpotSettlements],
})
export class AgencyReportsModule {}
