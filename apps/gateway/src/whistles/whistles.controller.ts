import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  BlowWhistleRequest,
  CaseIdParams,
  CloseWhistleRequest,
  DispatchSubjects,
  ListUnansweredSummonsQuery,
  ListWhistlesQuery,
  ReportWhistleSupportRequest,
  RespondToWhistleRequest,
  WhistleIdParams,
  WhistleView,
  type Page,
  type UnansweredSummonsView,
} from '@fengqiao/contracts';
import { Allow } from '../http/access';
import { CurrentActor } from '../http/actor';
import { ServiceClient } from '../http/service-client';

/**
 * 吹哨—响应—支援. The role rule here is the first gate only: dispatch checks the case's 辖区, the
 * summoned unit and the raiser again from the signed actor.
 */
@ApiTags('whistles 吹哨')
@Controller('api/v1')
export class WhistlesController {
  constructor(private readonly services: ServiceClient) {}

  @Post('cases/:caseId/whistles')
  @Allow('reporter', 'coordinator', 'agency_staff', 'mediator')
  @HttpCode(201)
  @ApiCreatedResponse({
    type: WhistleView,
    description: '吹哨: the whistle with its summoned units and 报到 deadline',
  })
  blow(
    @CurrentActor() actor: Actor,
    @Param() params: CaseIdParams,
    @Body() body: BlowWhistleRequest,
  ): Promise<WhistleView> {
    return this.services.dispatch(DispatchSubjects.whistleBlow, actor, { ...body, caseId: params.caseId });
  }

  @Get('whistles')
  @Allow('coordinator', 'reporter', 'leader', 'agency_staff', 'mediator')
  list(@CurrentActor() actor: Actor, @Query() query: ListWhistlesQuery): Promise<Page<WhistleView>> {
    return this.services.dispatch(DispatchSubjects.whistleList, actor, query);
  }

  /** 督办: summoned units past their 报到 deadline, most overdue first. (Declared before :whistleId.) */
  @Get('whistles/unanswered')
  @Allow('coordinator', 'leader')
  unanswered(
    @CurrentActor() actor: Actor,
    @Query() query: ListUnansweredSummonsQuery,
  ): Promise<Page<UnansweredSummonsView>> {
    return this.services.dispatch(DispatchSubjects.whistleListUnanswered, actor, query);
  }

  @Get('whistles/:whistleId')
  @Allow('coordinator', 'reporter', 'leader', 'agency_staff', 'mediator')
  @ApiOkResponse({ type: WhistleView, description: "every summoned unit's 报到, response time and 支援" })
  get(@CurrentActor() actor: Actor, @Param() params: WhistleIdParams): Promise<WhistleView> {
    return this.services.dispatch(DispatchSubjects.whistleGet, actor, params);
  }

  @Post('whistles/:whistleId/respond')
  @Allow('agency_staff', 'mediator')
  @HttpCode(200)
  @ApiOkResponse({ type: WhistleView, description: "报到 for the caller's own unit" })
  respond(
    @CurrentActor() actor: Actor,
    @Param() params: WhistleIdParams,
    @Body() body: RespondToWhistleRequest,
  ): Promise<WhistleView> {
    return this.services.dispatch(DispatchSubjects.whistleRespond, actor, {
      ...body,
      whistleId: params.whistleId,
    });
  }

  @Post('whistles/:whistleId/support')
  @Allow('agency_staff', 'mediator')
  @HttpCode(200)
  @ApiOkResponse({ type: WhistleView, description: "支援: what the caller's unit did, after 报到" })
  support(
    @CurrentActor() actor: Actor,
    @Param() params: WhistleIdParams,
    @Body() body: ReportWhistleSupportRequest,
  ): Promise<WhistleView> {
    return this.services.dispatch(DispatchSubjects.whistleReportSupport, actor, {
      ...body,
      whistleId: params.whistleId,
    });
  }

  @Post('whistles/:whistleId/close')
  @Allow('reporter', 'coordinator', 'agency_staff', 'mediator')
  @HttpCode(200)
  @ApiOkResponse({ type: WhistleView, description: 'the raiser (or a coordinator) confirms it answered' })
  close(
    @CurrentActor() actor: Actor,
    @Param() params: WhistleIdParams,
    @Body() body: CloseWhistleRequest,
  ): Promise<WhistleView> {
    return this.services.dispatch(DispatchSubjects.whistleClose, actor, {
      ...body,
      whistleId: params.whistleId,
    });
  }
}
