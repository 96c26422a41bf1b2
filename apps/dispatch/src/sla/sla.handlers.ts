import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Audited } from '@fengqiao/audit';
import {
  Actor,
  CalendarYearParams,
  CloseSupervisionCommand,
  DecideSlaExtensionCommand,
  DispatchSubjects,
  DryRunSlaPolicyRequest,
  JurisdictionCodeParams,
  ListSlaClocksQuery,
  ListSupervisionsQuery,
  PauseSlaClockCommand,
  PublishSlaPolicyRequest,
  RequestSlaExtensionCommand,
  ResumeSlaClockCommand,
  SetCalendarYearCommand,
  SetWorkingHoursCommand,
  SlaClockIdParams,
  SlaForecastQuery,
  SlaPolicyVersionQuery,
  type CalendarYearView,
  type Page,
  type SlaClockView,
  type SlaDryRunView,
  type SlaForecastView,
  type SlaPolicyView,
  type SupervisionView,
  type WorkingHoursView,
} from '@fengqiao/contracts';
import { assertRole } from '../roles';
import { ClockCommands } from './clock-commands';
import { PolicyDryRun } from './policy-dry-run';
import { SetCalendarYear } from './set-calendar-year';
import { SlaPolicies } from './sla-policies';
import { SlaQueries } from './sla-queries';
import { CloseSupervision } from './supervisions';
import { WorkingCalendars } from './working-calendars';

/** Who reads the policy, the calendar and office hours: everyone who works to them. */
const READERS = ['admin', 'coordinator', 'leader', 'agency_staff', 'mediator'];

@Controller()
export class SlaHandlers {
  constructor(
    private readonly policies: SlaPolicies,
    private readonly dryRun: PolicyDryRun,
    private readonly calendars: WorkingCalendars,
    private readonly setCalendarYear: SetCalendarYear,
    private readonly commands: ClockCommands,
    private readonly queries: SlaQueries,
    private readonly closeSupervision: CloseSupervision,
  ) {}

  @MessagePattern(DispatchSubjects.slaPolicyGet)
  policy(@Payload('actor') actor: Actor, @Payload('body') q: SlaPolicyVersionQuery): Promise<SlaPolicyView> {
    assertRole(actor, READERS, 'read the SLA policy', '查看时限规则');
    return this.policies.get(q.version);
  }

  @MessagePattern(DispatchSubjects.slaPolicyPublish)
  @Audited()
  publish(
    @Payload('actor') actor: Actor,
    @Payload('body') body: PublishSlaPolicyRequest,
  ): Promise<SlaPolicyView> {
    return this.policies.publish(actor, body);
  }

  @MessagePattern(DispatchSubjects.slaPolicyDryRun)
  tryOut(
    @Payload('actor') actor: Actor,
    @Payload('body') body: DryRunSlaPolicyRequest,
  ): Promise<SlaDryRunView> {
    return this.dryRun.execute(actor, body);
  }

  @MessagePattern(DispatchSubjects.slaCalendarGet)
  calendarYear(
    @Payload('actor') actor: Actor,
    @Payload('body') q: CalendarYearParams,
  ): Promise<CalendarYearView> {
    assertRole(actor, READERS, 'read the working calendar', '查看工作日历');
    return this.calendars.year(q.year);
  }

  @MessagePattern(DispatchSubjects.slaCalendarSet)
  @Audited()
  setCalendar(
    @Payload('actor') actor: Actor,
    @Payload('body') body: SetCalendarYearCommand,
  ): Promise<CalendarYearView> {
    return this.setCalendarYear.execute(actor, body);
  }

  @MessagePattern(DispatchSubjects.workingHoursGet)
  workingHours(
    @Payload('actor') actor: Actor,
    @Payload('body') q: JurisdictionCodeParams,
  ): Promise<WorkingHoursView> {
    assertRole(actor, READERS, 'read working hours', '查看工作时间');
    return this.calendars.workingHours(q.code);
  }

  @MessagePattern(DispatchSubjects.workingHoursSet)
  @Audited()
  setWorkingHours(
    @Payload('actor') actor: Actor,
    @Payload('body') body: SetWorkingHoursCommand,
  ): Promise<WorkingHoursView> {
    return this.calendars.setWorkingHours(actor, body);
  }

  @MessagePattern(DispatchSubjects.slaClockList)
  list(@Payload('actor') actor: Actor, @Payload('body') q: ListSlaClocksQuery): Promise<Page<SlaClockView>> {
    return this.queries.list(q, actor);
  }

  @MessagePattern(DispatchSubjects.slaClockGet)
  get(@Payload('actor') actor: Actor, @Payload('body') q: SlaClockIdParams): Promise<SlaClockView> {
    return this.queries.get(q.clockId, actor);
  }

  @MessagePattern(DispatchSubjects.slaClockPause)
  @Audited()
  async pause(
    @Payload('actor') actor: Actor,
    @Payload('body') body: PauseSlaClockCommand,
  ): Promise<SlaClockView> {
    await this.commands.pause(actor, body);
    return this.queries.get(body.clockId, actor);
  }

  @MessagePattern(DispatchSubjects.slaClockResume)
  @Audited()
  async resume(
    @Payload('actor') actor: Actor,
    @Payload('body') body: ResumeSlaClockCommand,
  ): Promise<SlaClockView> {
    await this.commands.resume(actor, body);
    return this.queries.get(body.clockId, actor);
  }

  @MessagePattern(DispatchSubjects.slaExtensionRequest)
  @Audited()
  async requestExtension(
    @Payload('actor') actor: Actor,
    @Payload('body') body: RequestSlaExtensionCommand,
  ): Promise<SlaClockView> {
    await this.commands.requestExtension(actor, body);
    return this.queries.get(body.clockId, actor);
  }

  @MessagePattern(DispatchSubjects.slaExtensionDecide)
  @Audited()
  async decideExtension(
    @Payload('actor') actor: Actor,
    @Payload('body') body: DecideSlaExtensionCommand,
  ): Promise<SlaClockView> {
    await this.commands.decideExtension(actor, body);
    return this.queries.get(body.clockId, actor);
  }

  @MessagePattern(DispatchSubjects.slaForecast)
  forecast(@Payload('actor') actor: Actor, @Payload('body') q: SlaForecastQuery): Promise<SlaForecastView> {
    return this.queries.forecast(q, actor);
  }

  @MessagePattern(DispatchSubjects.supervisionList)
  supervisions(
    @Payload('actor') actor: Actor,
    @Payload('body') q: ListSupervisionsQuery,
  ): Promise<Page<SupervisionView>> {
    return this.queries.supervisions(q, actor);
  }

  @MessagePattern(DispatchSubjects.supervisionClose)
  @Audited()
  close(
    @Payload('actor') actor: Actor,
    @Payload('body') body: CloseSupervisionCommand,
  ): Promise<SupervisionView> {
    return this.closeSupervision.execute(actor, body);
  }
}
