import { Module } from '@nestjs/common';
import { StationsModule } from '../stations/stations.module';
import { HandOffHandlers } from './hand-off.handlers';
import { HandOffs } from './hand-offs';
import { StationedCommittees } from './stationed-committees';

/** 警调对接: the stationed committee of each station, and hand-offs of referrals to it. */
@Module({
  imports: [StationsModule],
  controllers: [HandOffHandlers],
  providers: [StationedCommittees, HandOffs],
})
export class HandOffModule {}
