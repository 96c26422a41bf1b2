import { Module } from '@nestjs/common';
import { ReferralsModule } from '../referrals/referrals.module';
import { SlaModule } from '../sla/sla.module';
import { FollowUpProgress } from './follow-up-progress';

/** 一事一回访 reported by the agencies: the 回访 clock, and reopening a dispute that rebounded. */
@Module({
  imports: [ReferralsModule, SlaModule],
  providers: [FollowUpProgress],
})
export class FollowUpsModule {}
