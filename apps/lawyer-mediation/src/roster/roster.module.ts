import { Module } from '@nestjs/common';
import { LawyerRoster } from './lawyer-roster';
import { RosterHandlers } from './roster.handlers';
import { RosterQueries } from './roster-queries';

/** 律师名录: the studios' lawyers, and the published roster the parties choose from. */
@Module({
  controllers: [RosterHandlers],
  providers: [LawyerRoster, RosterQueries],
})
export class RosterModule {}
