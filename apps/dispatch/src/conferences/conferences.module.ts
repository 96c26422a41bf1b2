import { Module } from '@nestjs/common';
import { SlaModule } from '../sla/sla.module';
import { ConferenceProgress } from './conference-progress';
import { ConferenceQueries } from './conference-queries';
import { ConferencesHandlers } from './conferences.handlers';
import { ScheduleConference } from './schedule-conference';

/** 联席调 (seed 003, level 5): joint conferences, their minutes and the tasks they dispatch. */
@Module({
  imports: [SlaModule],
  controllers: [ConferencesHandlers],
  providers: [ScheduleConference, ConferenceProgress, ConferenceQueries],
})
export class ConferencesModule {}
