import { Module } from '@nestjs/common';
import { JudicialConfirmationHandlers } from './judicial-confirmation.handlers';
import { JudicialConfirmationQueries } from './judicial-confirmation-queries';
import { JudicialConfirmations } from './judicial-confirmations';

/** 司法确认 of the office's signed agreements. */
@Module({
  controllers: [JudicialConfirmationHandlers],
  providers: [JudicialConfirmations, JudicialConfirmationQueries],
})
export class JudicialConfirmationModule {}
