import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Audited } from '@fengqiao/audit';
import {
  Actor,
  CloseConferenceTaskCommand,
  ConferenceIdParams,
  DispatchSubjects,
  IssueConferenceTaskCommand,
  ListConferencesQuery,
  ListConferenceTasksQuery,
  RecordConferenceMinutesCommand,
  ScheduleConferenceCommand,
  type ConferenceTaskView,
  type ConferenceView,
  type Page,
} from '@fengqiao/contracts';
import { ConferenceProgress } from './conference-progress';
import { ConferenceQueries } from './conference-queries';
import { ScheduleConference } from './schedule-conference';

@Controller()
export class ConferencesHandlers {
  constructor(
    private readonly scheduleConference: ScheduleConference,
    private readonly progress: ConferenceProgress,
    private readonly conferences: ConferenceQueries,
  ) {}

  @MessagePattern(DispatchSubjects.conferenceSchedule)
  @Audited()
  async schedule(
    @Payload('actor') actor: Actor,
    @Payload('body') body: ScheduleConferenceCommand,
  ): Promise<ConferenceView> {
    const { caseId, ...input } = body;
    const id = await this.scheduleConference.execute(actor, caseId, input);
    return this.conferences.get(id, actor);
  }

  @MessagePattern(DispatchSubjects.conferenceRecordMinutes)
  @Audited()
  async recordMinutes(
    @Payload('actor') actor: Actor,
    @Payload('body') body: RecordConferenceMinutesCommand,
  ): Promise<ConferenceView> {
    const { conferenceId, ...input } = body;
    await this.progress.recordMinutes(actor, conferenceId, input);
    return this.conferences.get(conferenceId, actor);
  }

  @MessagePattern(DispatchSubjects.conferenceTaskIssue)
  @Audited()
  async issueTask(
    @Payload('actor') actor: Actor,
    @Payload('body') body: IssueConferenceTaskCommand,
  ): Promise<ConferenceView> {
    const { conferenceId, ...input } = body;
    await this.progress.issueTask(actor, conferenceId, input);
    return this.conferences.get(conferenceId, actor);
  }

  @MessagePattern(DispatchSubjects.conferenceTaskClose)
  @Audited()
  async closeTask(
    @Payload('actor') actor: Actor,
    @Payload('body') body: CloseConferenceTaskCommand,
  ): Promise<ConferenceTaskView> {
    const { taskId, ...input } = body;
    await this.progress.closeTask(actor, taskId, input);
    return this.conferences.task(taskId, actor);
  }

  @MessagePattern(DispatchSubjects.conferenceGet)
  get(@Payload('actor') actor: Actor, @Payload('body') params: ConferenceIdParams): Promise<ConferenceView> {
    return this.conferences.get(params.conferenceId, actor);
  }

  @MessagePattern(DispatchSubjects.conferenceList)
  list(
    @Payload('actor') actor: Actor,
    @Payload('body') query: ListConferencesQuery,
  ): Promise<Page<ConferenceView>> {
    return this.conferences.list(query, actor);
  }

  @MessagePattern(DispatchSubjects.conferenceTaskList)
  tasks(
    @Payload('actor') actor: Actor,
    @Payload('body') query: ListConferenceTasksQuery,
  ): Promise<Page<ConferenceTaskView>> {
    return this.conferences.tasks(query, actor);
  }
}
