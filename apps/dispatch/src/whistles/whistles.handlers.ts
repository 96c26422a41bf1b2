import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Audited } from '@fengqiao/audit';
import {
  Actor,
  BlowWhistleCommand,
  CloseWhistleCommand,
  DispatchSubjects,
  ListUnansweredSummonsQuery,
  ListWhistlesQuery,
  ReportWhistleSupportCommand,
  RespondToWhistleCommand,
  WhistleIdParams,
  type Page,
  type UnansweredSummonsView,
  type WhistleView,
} from '@fengqiao/contracts';
import { AnswerWhistle } from './answer-whistle';
import { BlowWhistle } from './blow-whistle';
import { CloseWhistle } from './close-whistle';
import { WhistleQueries } from './whistle-queries';

@Controller()
export class WhistlesHandlers {
  constructor(
    private readonly blowWhistle: BlowWhistle,
    private readonly answerWhistle: AnswerWhistle,
    private readonly closeWhistle: CloseWhistle,
    private readonly whistles: WhistleQueries,
  ) {}

  @MessagePattern(DispatchSubjects.whistleBlow)
  @Audited()
  async blow(
    @Payload('actor') actor: Actor,
    @Payload('body') body: BlowWhistleCommand,
  ): Promise<WhistleView> {
    const { caseId, ...input } = body;
    const id = await this.blowWhistle.execute(actor, caseId, input);
    return this.whistles.get(id, actor);
  }

  @MessagePattern(DispatchSubjects.whistleRespond)
  @Audited()
  async respond(
    @Payload('actor') actor: Actor,
    @Payload('body') body: RespondToWhistleCommand,
  ): Promise<WhistleView> {
    const { whistleId, ...input } = body;
    await this.answerWhistle.respond(actor, whistleId, input);
    return this.whistles.get(whistleId, actor);
  }

  @MessagePattern(DispatchSubjects.whistleReportSupport)
  @Audited()
  async reportSupport(
    @Payload('actor') actor: Actor,
    @Payload('body') body: ReportWhistleSupportCommand,
  ): Promise<WhistleView> {
    const { whistleId, ...input } = body;
    await this.answerWhistle.reportSupport(actor, whistleId, input);
    return this.whistles.get(whistleId, actor);
  }

  @MessagePattern(DispatchSubjects.whistleClose)
  @Audited()
  async close(
    @Payload('actor') actor: Actor,
    @Payload('body') body: CloseWhistleCommand,
  ): Promise<WhistleView> {
    const { whistleId, ...input } = body;
    await this.closeWhistle.execute(actor, whistleId, input);
    return this.whistles.get(whistleId, actor);
  }

  @MessagePattern(DispatchSubjects.whistleGet)
  get(@Payload('actor') actor: Actor, @Payload('body') params: WhistleIdParams): Promise<WhistleView> {
    return this.whistles.get(params.whistleId, actor);
  }

  @MessagePattern(DispatchSubjects.whistleList)
  list(
    @Payload('actor') actor: Actor,
    @Payload('body') query: ListWhistlesQuery,
  ): Promise<Page<WhistleView>> {
    return this.whistles.list(query, actor);
  }

  @MessagePattern(DispatchSubjects.whistleListUnanswered)
  unanswered(
    @Payload('actor') actor: Actor,
    @Payload('body') query: ListUnansweredSummonsQuery,
  ): Promise<Page<UnansweredSummonsView>> {
    return this.whistles.unanswered(query, actor);
  }
}
