import { Module } from '@nestjs/common';
import { StationsModule } from '../stations/stations.module';
import { OnTheSpotHandlers } from './on-the-spot.handlers';
import { OnTheSpotQueries } from './on-the-spot-queries';
import { RecordOnTheSpotMediation } from './record-on-the-spot-mediation';

/** 当场调处: disputes a station settles (or records for dispatch) where they happen. */
@Module({
  imports: [StationsModule],
  controllers: [OnTheSpotHandlers],
  providers: [RecordOnTheSpotMediation, OnTheSpotQueries],
})
export class OnTheSpotModule {}
