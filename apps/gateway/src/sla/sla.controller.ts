import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  CalendarYearParams,
  CalendarYearView,
  CloseSupervisionRequest,
  DecideSlaExtensionRequest,
  DispatchSubjects,
  DryRunSlaPolicyRequest,
  JurisdictionCodeParams,
  ListSlaClocksQuery,
  ListSupervisionsQuery,
  PauseSlaClockRequest,
  PublishSlaPolicyRequest,
  RequestSlaExtensionRequest,
  ResumeSlaClockRequest,
  SetCalendarYearRequest,
  SetWorkingHoursRequest,
  SlaClockIdParams,
  SlaClockView,
  SlaDryRunView,
  SlaExtensionIdParams,
  SlaForecastQuery,
  SlaForecastView,
  SlaPolicyVersionQuery,
  SlaPolicyView,
  SupervisionIdParams,
  SupervisionView,
  WorkingHoursView,
  type Page,
} from '@fengqiao/contracts';
import { Allow } from '../http/access';
import { CurrentActor } from '../http/actor';
import { ServiceClient } from '../http/service-client';

/**
 * 时限管理: the SLA policy, the working calendar and office hours (admins), the clocks each unit
 * owes (pause, resume, 延期申请 and its decision), the forecast and 督办. Dispatch re-checks each
 * clock's unit and 辖区 from the signed actor.
 */
@ApiTags('sla 时限')
@Controller('api/v1')
export class SlaController {
  constructor(private readonly services: ServiceClient) {}

  @Get('sla/policy')
  @Allow('admin', 'coordinator', 'leader', 'agency_staff', 'mediator')
  @ApiOkResponse({ type: SlaPolicyView, description: 'the policy in force, or a past version' })
  policy(@CurrentActor() actor: Actor, @Query() query: SlaPolicyVersionQuery): Promise<SlaPolicyView> {
    return this.services.dispatch(DispatchSubjects.slaPolicyGet, actor, query);
  }

  @Put('sla/policy')
  @Allow('admin')
  @ApiOkResponse({ type: SlaPolicyView, description: 'publishes the whole policy as a new version' })
  publish(@CurrentActor() actor: Actor, @Body() body: PublishSlaPolicyRequest): Promise<SlaPolicyView> {
    return this.services.dispatch(DispatchSubjects.slaPolicyPublish, actor, body);
  }

  @Post('sla/policy/dry-run')
  @Allow('admin', 'coordinator', 'leader')
  @HttpCode(200)
  @ApiOkResponse({
    type: SlaDryRunView,
    description: '试算: the past days judged by the policy in force and by this one',
  })
  dryRun(@CurrentActor() actor: Actor, @Body() body: DryRunSlaPolicyRequest): Promise<SlaDryRunView> {
    return this.services.dispatch(DispatchSubjects.slaPolicyDryRun, actor, body);
  }

  @Get('sla/calendar/:year')
  @Allow('admin', 'coordinator', 'leader', 'agency_staff', 'mediator')
  @ApiOkResponse({
    type: CalendarYearView,
    description: 'holidays and 调休 days of a year, and its override table',
  })
  calendar(@CurrentActor() actor: Actor, @Param() params: CalendarYearParams): Promise<CalendarYearView> {
    return this.services.dispatch(DispatchSubjects.slaCalendarGet, actor, params);
  }

  @Put('sla/calendar/:year')
  @Allow('admin')
  @ApiOkResponse({
    type: CalendarYearView,
    description: "replaces the year's override table; running deadlines move",
  })
  setCalendar(
    @CurrentActor() actor: Actor,
    @Param() params: CalendarYearParams,
    @Body() body: SetCalendarYearRequest,
  ): Promise<CalendarYearView> {
    return this.services.dispatch(DispatchSubjects.slaCalendarSet, actor, { ...body, ...params });
  }

  @Get('jurisdictions/:code/working-hours')
  @Allow('admin', 'coordinator', 'leader', 'agency_staff', 'mediator')
  @ApiOkResponse({ type: WorkingHoursView })
  workingHours(
    @CurrentActor() actor: Actor,
    @Param() params: JurisdictionCodeParams,
  ): Promise<WorkingHoursView> {
    return this.services.dispatch(DispatchSubjects.workingHoursGet, actor, params);
  }

  @Put('jurisdictions/:code/working-hours')
  @Allow('admin')
  @ApiOkResponse({
    type: WorkingHoursView,
    description: 'office hours here and below; running clocks keep theirs',
  })
  setWorkingHours(
    @CurrentActor() actor: Actor,
    @Param() params: JurisdictionCodeParams,
    @Body() body: SetWorkingHoursRequest,
  ): Promise<WorkingHoursView> {
    return this.services.dispatch(DispatchSubjects.workingHoursSet, actor, { ...body, ...params });
  }

  @Get('sla/clocks')
  @Allow('coordinator', 'leader', 'agency_staff', 'mediator')
  @ApiOkResponse({ description: 'clocks in your 辖区, or your unit’s, soonest due first' })
  clocks(@CurrentActor() actor: Actor, @Query() query: ListSlaClocksQuery): Promise<Page<SlaClockView>> {
    return this.services.dispatch(DispatchSubjects.slaClockList, actor, query);
  }

  @Get('sla/clocks/:clockId')
  @Allow('coordinator', 'leader', 'agency_staff', 'mediator')
  @ApiOkResponse({ type: SlaClockView, description: 'one clock with its extensions and history' })
  clock(@CurrentActor() actor: Actor, @Param() params: SlaClockIdParams): Promise<SlaClockView> {
    return this.services.dispatch(DispatchSubjects.slaClockGet, actor, params);
  }

  @Post('sla/clocks/:clockId/pause')
  @Allow('agency_staff', 'mediator', 'coordinator')
  @HttpCode(200)
  @ApiOkResponse({ type: SlaClockView, description: '暂停计时, with a reason from the list' })
  pause(
    @CurrentActor() actor: Actor,
    @Param() params: SlaClockIdParams,
    @Body() body: PauseSlaClockRequest,
  ): Promise<SlaClockView> {
    return this.services.dispatch(DispatchSubjects.slaClockPause, actor, { ...body, ...params });
  }

  @Post('sla/clocks/:clockId/resume')
  @Allow('agency_staff', 'mediator', 'coordinator')
  @HttpCode(200)
  @ApiOkResponse({ type: SlaClockView, description: '恢复计时' })
  resume(
    @CurrentActor() actor: Actor,
    @Param() params: SlaClockIdParams,
    @Body() body: ResumeSlaClockRequest,
  ): Promise<SlaClockView> {
    return this.services.dispatch(DispatchSubjects.slaClockResume, actor, { ...body, ...params });
  }

  @Post('sla/clocks/:clockId/extensions')
  @Allow('agency_staff', 'mediator')
  @HttpCode(201)
  @ApiOkResponse({ type: SlaClockView, description: '延期申请, waiting for the coordinator' })
  requestExtension(
    @CurrentActor() actor: Actor,
    @Param() params: SlaClockIdParams,
    @Body() body: RequestSlaExtensionRequest,
  ): Promise<SlaClockView> {
    return this.services.dispatch(DispatchSubjects.slaExtensionRequest, actor, { ...body, ...params });
  }

  @Post('sla/clocks/:clockId/extensions/:extensionId/decision')
  @Allow('coordinator')
  @HttpCode(200)
  @ApiOkResponse({ type: SlaClockView, description: 'approve (the deadline moves) or refuse' })
  decideExtension(
    @CurrentActor() actor: Actor,
    @Param() params: SlaExtensionIdParams,
    @Body() body: DecideSlaExtensionRequest,
  ): Promise<SlaClockView> {
    return this.services.dispatch(DispatchSubjects.slaExtensionDecide, actor, { ...body, ...params });
  }

  @Get('sla/forecast')
  @Allow('coordinator', 'leader', 'agency_staff', 'mediator')
  @ApiOkResponse({ type: SlaForecastView, description: '临期预测: what falls due in the next hours' })
  forecast(@CurrentActor() actor: Actor, @Query() query: SlaForecastQuery): Promise<SlaForecastView> {
    return this.services.dispatch(DispatchSubjects.slaForecast, actor, query);
  }

  @Get('supervisions')
  @Allow('coordinator', 'leader', 'agency_staff', 'mediator')
  @ApiOkResponse({ description: '督办 records, newest first' })
  supervisions(
    @CurrentActor() actor: Actor,
    @Query() query: ListSupervisionsQuery,
  ): Promise<Page<SupervisionView>> {
    return this.services.dispatch(DispatchSubjects.supervisionList, actor, query);
  }

  @Post('supervisions/:supervisionId/close')
  @Allow('coordinator')
  @HttpCode(200)
  @ApiOkResponse({ type: SupervisionView })
  closeSupervision(
    @CurrentActor() actor: Actor,
    @Param() params: SupervisionIdParams,
    @Body() body: CloseSupervisionRequest,
  ): Promise<SupervisionView> {
    return this.services.dispatch(DispatchSubjects.supervisionClose, actor, { ...body, ...params });
  }
}
