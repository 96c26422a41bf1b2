import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Audited } from '@fengqiao/audit';
import {
  Actor,
  ChooseLadderCommand,
  DispatchSubjects,
  EscalateCaseCommand,
  NotEscalatedIndexQuery,
  type CaseView,
  type LadderView,
  type NotEscalatedIndexView,
} from '@fengqiao/contracts';
import { CaseQueries } from '../cases/case-queries';
import { EscalateCase } from './escalate-case';
import { LadderQueries } from './ladder-queries';

@Controller()
export class LadderHandlers {
  constructor(
    private readonly escalateCase: EscalateCase,
    private readonly ladders: LadderQueries,
    private readonly cases: CaseQueries,
  ) {}

  @MessagePattern(DispatchSubjects.caseEscalate)
  @Audited()
  async escalate(
    @Payload('actor') actor: Actor,
    @Payload('body') body: EscalateCaseCommand,
  ): Promise<CaseView> {
    const { caseId, ...input } = body;
    await this.escalateCase.execute(actor, caseId, input);
    return this.cases.get(caseId, actor);
  }

  @MessagePattern(DispatchSubjects.ladderList)
  list(): Promise<LadderView[]> {
    return this.ladders.list();
  }

  @MessagePattern(DispatchSubjects.ladderChoose)
  @Audited()
  choose(@Payload('actor') actor: Actor, @Payload('body') body: ChooseLadderCommand): Promise<LadderView[]> {
    return this.ladders.choose(actor, body);
  }

  @MessagePattern(DispatchSubjects.notEscalatedIndex)
  index(
    @Payload('actor') actor: Actor,
    @Payload('body') query: NotEscalatedIndexQuery,
  ): Promise<NotEscalatedIndexView> {
    return this.ladders.notEscalatedIndex(actor, query);
  }
}
