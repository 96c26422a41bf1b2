import { Module } from '@nestjs/common';
import { ChooseLawyer } from './choose-lawyer';
import { LawyerChoiceQueries } from './lawyer-choice-queries';
import { LawyerChoiceHandlers } from './lawyer-choice.handlers';

/** 自主选择: the parties choose their lawyer, with the conflict-of-interest check. */
@Module({
  controllers: [LawyerChoiceHandlers],
  providers: [ChooseLawyer, LawyerChoiceQueries],
})
export class LawyerChoiceModule {}
