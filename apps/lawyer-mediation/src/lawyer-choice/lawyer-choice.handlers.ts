import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Audited } from '@fengqiao/audit';
import {
  Actor,
  ChooseLawyerCommand,
  LawyerSubjects,
  ListLawyerChoicesCommand,
  type LawyerChoiceView,
  type Page,
} from '@fengqiao/contracts';
import { ChooseLawyer } from './choose-lawyer';
import { LawyerChoiceQueries } from './lawyer-choice-queries';

@Controller()
export class LawyerChoiceHandlers {
  constructor(
    private readonly chooseLawyer: ChooseLawyer,
    private readonly choices: LawyerChoiceQueries,
  ) {}

  /** 自主选择. */
  @MessagePattern(LawyerSubjects.referralChooseLawyer)
  @Audited()
  choose(
    @Payload('actor') actor: Actor,
    @Payload('body') body: ChooseLawyerCommand,
  ): Promise<LawyerChoiceView> {
    const { referralId, ...input } = body;
    return this.chooseLawyer.execute(actor, referralId, input);
  }

  @MessagePattern(LawyerSubjects.lawyerChoiceList)
  list(
    @Payload('actor') actor: Actor,
    @Payload('body') body: ListLawyerChoicesCommand,
  ): Promise<Page<LawyerChoiceView>> {
    return this.choices.list(actor, body);
  }
}
