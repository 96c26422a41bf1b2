import { Module } from '@nestjs/common';
import { HearingQueries } from './hearing-queries';
import { HearingsHandlers } from './hearings.handlers';
import { HoldHearings } from './hold-hearings';

/** 听证调: hearings on a committee's referrals, chaired, with statements and a finding. */
@Module({
  controllers: [HearingsHandlers],
  providers: [HoldHearings, HearingQueries],
})
export class HearingsModule {}
