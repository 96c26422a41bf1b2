import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  CaseIdParams,
  CloseConferenceTaskRequest,
  ConferenceIdParams,
  ConferenceTaskIdParams,
  ConferenceTaskView,
  ConferenceView,
  DispatchSubjects,
  IssueConferenceTaskRequest,
  ListConferencesQuery,
  ListConferenceTasksQuery,
  RecordConferenceMinutesRequest,
  ScheduleConferenceRequest,
  type Page,
} from '@fengqiao/contracts';
import { Allow } from '../http/access';
import { CurrentActor } from '../http/actor';
import { ServiceClient } from '../http/service-client';

/**
 * 联席调: joint conferences on cases at their ladder's joint-conference level, and the tasks they
 * dispatch to departments. Dispatch re-checks the 辖区 and the assigned unit from the signed actor.
 */
@ApiTags('conferences 联席会议')
@Controller('api/v1')
export class ConferencesController {
  constructor(private readonly services: ServiceClient) {}

  @Post('cases/:caseId/conferences')
  @Allow('coordinator')
  @HttpCode(201)
  @ApiCreatedResponse({ type: ConferenceView, description: 'the conference as scheduled (已安排)' })
  schedule(
    @CurrentActor() actor: Actor,
    @Param() params: CaseIdParams,
    @Body() body: ScheduleConferenceRequest,
  ): Promise<ConferenceView> {
    return this.services.dispatch(DispatchSubjects.conferenceSchedule, actor, {
      ...body,
      caseId: params.caseId,
    });
  }

  @Get('conferences')
  @Allow('coordinator', 'reporter', 'leader', 'agency_staff', 'mediator')
  list(@CurrentActor() actor: Actor, @Query() query: ListConferencesQuery): Promise<Page<ConferenceView>> {
    return this.services.dispatch(DispatchSubjects.conferenceList, actor, query);
  }

  @Get('conferences/:conferenceId')
  @Allow('coordinator', 'reporter', 'leader', 'agency_staff', 'mediator')
  @ApiOkResponse({ type: ConferenceView, description: 'participants, minutes and tasks' })
  get(@CurrentActor() actor: Actor, @Param() params: ConferenceIdParams): Promise<ConferenceView> {
    return this.services.dispatch(DispatchSubjects.conferenceGet, actor, params);
  }

  @Post('conferences/:conferenceId/minutes')
  @Allow('coordinator')
  @HttpCode(200)
  @ApiOkResponse({ type: ConferenceView, description: '会议纪要: the conference is held' })
  recordMinutes(
    @CurrentActor() actor: Actor,
    @Param() params: ConferenceIdParams,
    @Body() body: RecordConferenceMinutesRequest,
  ): Promise<ConferenceView> {
    return this.services.dispatch(DispatchSubjects.conferenceRecordMinutes, actor, {
      ...body,
      conferenceId: params.conferenceId,
    });
  }

  @Post('conferences/:conferenceId/tasks')
  @Allow('coordinator')
  @HttpCode(201)
  @ApiCreatedResponse({
    type: ConferenceView,
    description: '派单 to a participant unit: the conference with its tasks',
  })
  issueTask(
    @CurrentActor() actor: Actor,
    @Param() params: ConferenceIdParams,
    @Body() body: IssueConferenceTaskRequest,
  ): Promise<ConferenceView> {
    return this.services.dispatch(DispatchSubjects.conferenceTaskIssue, actor, {
      ...body,
      conferenceId: params.conferenceId,
    });
  }

  @Get('conference-tasks')
  @Allow('coordinator', 'leader', 'agency_staff', 'mediator')
  tasks(
    @CurrentActor() actor: Actor,
    @Query() query: ListConferenceTasksQuery,
  ): Promise<Page<ConferenceTaskView>> {
    return this.services.dispatch(DispatchSubjects.conferenceTaskList, actor, query);
  }

  @Post('conference-tasks/:taskId/close')
  @Allow('agency_staff', 'mediator')
  @HttpCode(200)
  @ApiOkResponse({
    type: ConferenceTaskView,
    description: "the assigned unit's result; the last task closes the conference and resolves the case",
  })
  closeTask(
    @CurrentActor() actor: Actor,
    @Param() params: ConferenceTaskIdParams,
    @Body() body: CloseConferenceTaskRequest,
  ): Promise<ConferenceTaskView> {
    return this.services.dispatch(DispatchSubjects.conferenceTaskClose, actor, {
      ...body,
      taskId: params.taskId,
    });
  }
}
