import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../common/page';
import { QueryBoolean } from '../common/query-boolean';
import {
  AGENCY_KINDS,
  CALENDAR_DAY_KINDS,
  SLA_BREACH_ACTIONS,
  SLA_CLOCK_KINDS,
  SLA_CLOCK_STATES,
  SLA_EXTENSION_STATUSES,
  SLA_LEVELS,
  SLA_PAUSE_REASONS,
  SLA_STOP_REASONS,
  SLA_UNITS,
  SLA_URGENCIES,
  SUPERVISION_STATUSES,
  type AgencyKind,
  type CalendarDayKindName,
  type SlaBreachAction,
  type SlaClockKind,
  type SlaClockState,
  type SlaExtensionStatus,
  type SlaLevel,
  type SlaPauseReason,
  type SlaStopReason,
  type SlaUnit,
  type SlaUrgency,
  type SupervisionStatus,
} from '../common/vocabulary';
import { JURISDICTION_CODE, JURISDICTION_CODE_MESSAGE } from './agency';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** A time allowed: 2 hours (wall-clock), 30 minutes, 15 working days, 4 working hours. */
export class SlaTargetInput {
  @ApiProperty({ example: 15, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(100000)
  amount!: number;

  @ApiProperty({ enum: SLA_UNITS, example: 'working_days' })
  @IsIn(SLA_UNITS)
  unit!: SlaUnit;
}

/**
 * One row of the SLA policy: for cases of this type (any when omitted) and urgency, referred to
 * agencies of this kind (any when omitted). The most specific row that matches applies.
 */
export class SlaPolicyRuleInput {
  @ApiPropertyOptional({ example: 'medical', description: 'any dispute type when omitted' })
  @IsOptional()
  @Matches(/^[a-z][a-z_]{1,40}$/, { message: 'must be a dispute type code such as neighbour' })
  disputeType?: string;

  @ApiProperty({ enum: SLA_URGENCIES })
  @IsIn(SLA_URGENCIES)
  urgency!: SlaUrgency;

  @ApiPropertyOptional({ enum: AGENCY_KINDS, description: 'any agency kind when omitted' })
  @IsOptional()
  @IsIn(AGENCY_KINDS)
  agencyKind?: AgencyKind;

  @ApiProperty({ type: SlaTargetInput, description: '签收' })
  @ValidateNested()
  @Type(() => SlaTargetInput)
  accept!: SlaTargetInput;

  @ApiProperty({ type: SlaTargetInput, description: '首次联系当事人 (the agency starts the mediation)' })
  @ValidateNested()
  @Type(() => SlaTargetInput)
  firstContact!: SlaTargetInput;

  @ApiProperty({ type: SlaTargetInput, description: '办结, counted from 签收' })
  @ValidateNested()
  @Type(() => SlaTargetInput)
  resolve!: SlaTargetInput;

  @ApiProperty({ type: SlaTargetInput, description: '回访, counted from 办结' })
  @ValidateNested()
  @Type(() => SlaTargetInput)
  followUp!: SlaTargetInput;

  @ApiProperty({
    type: [Number],
    example: [50, 80, 100],
    description: 'warning thresholds in % of the allowed time, ascending; 100 (超期) last',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(100, { each: true })
  thresholds!: number[];

  @ApiProperty({ enum: SLA_BREACH_ACTIONS, isArray: true, example: ['remind', 'supervise'] })
  @IsArray()
  @ArrayUnique()
  @IsIn(SLA_BREACH_ACTIONS, { each: true })
  breachActions!: SlaBreachAction[];
}

export class PublishSlaPolicyRequest {
  @ApiProperty({ example: '医疗纠纷办结时限调整为 30 个工作日' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  note!: string;

  @ApiProperty({ type: [SlaPolicyRuleInput] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => SlaPolicyRuleInput)
  rules!: SlaPolicyRuleInput[];
}

/** 试算: how a proposed policy would have fared on the referrals of the past days. */
export class DryRunSlaPolicyRequest {
  @ApiProperty({ type: [SlaPolicyRuleInput] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => SlaPolicyRuleInput)
  rules!: SlaPolicyRuleInput[];

  @ApiPropertyOptional({ minimum: 1, maximum: 365, default: 90 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  days?: number;

  @ApiPropertyOptional({
    description: "only referrals in this jurisdiction or below (within the caller's own)",
  })
  @IsOptional()
  @Matches(JURISDICTION_CODE, { message: JURISDICTION_CODE_MESSAGE })
  jurisdictionCode?: string;
}

export class SlaTargetView {
  @ApiProperty() amount!: number;
  @ApiProperty({ enum: SLA_UNITS }) unit!: SlaUnit;
}

export class SlaPolicyRuleView {
  @ApiPropertyOptional() disputeType?: string;
  @ApiProperty({ enum: SLA_URGENCIES }) urgency!: SlaUrgency;
  @ApiPropertyOptional({ enum: AGENCY_KINDS }) agencyKind?: AgencyKind;
  @ApiProperty({ type: SlaTargetView }) accept!: SlaTargetView;
  @ApiProperty({ type: SlaTargetView }) firstContact!: SlaTargetView;
  @ApiProperty({ type: SlaTargetView }) resolve!: SlaTargetView;
  @ApiProperty({ type: SlaTargetView }) followUp!: SlaTargetView;
  @ApiProperty({ type: [Number] }) thresholds!: number[];
  @ApiProperty({ enum: SLA_BREACH_ACTIONS, isArray: true }) breachActions!: SlaBreachAction[];
}

export class SlaPolicyView {
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiProperty() publishedByName!: string;
  @ApiProperty() note!: string;
  @ApiProperty({ type: [SlaPolicyRuleView] }) rules!: SlaPolicyRuleView[];
}

export class SlaPolicyVersionQuery {
  @ApiPropertyOptional({ description: 'the current version when omitted' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}

/** Breaches of one clock kind, as they happened and as the proposed policy would have had them. */
export class SlaDryRunFigures {
  @ApiProperty({ description: 'referrals with a 签收 measured' }) acceptMeasured!: number;
  @ApiProperty() acceptBreachesNow!: number;
  @ApiProperty() acceptBreachesProposed!: number;
  @ApiProperty({ description: 'referrals with a 办结 measured (accepted)' }) resolveMeasured!: number;
  @ApiProperty() resolveBreachesNow!: number;
  @ApiProperty() resolveBreachesProposed!: number;
}

export class SlaDryRunAgencyView extends SlaDryRunFigures {
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty() agencyName!: string;
  @ApiProperty() jurisdictionCode!: string;
}

export class SlaDryRunJurisdictionView extends SlaDryRunFigures {
  @ApiProperty() jurisdictionCode!: string;
  @ApiProperty() jurisdictionName!: string;
}

export class SlaDryRunView {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty({ description: 'the policy version the current figures are judged by' })
  currentVersion!: number;
  @ApiProperty() referrals!: number;
  @ApiProperty({ type: SlaDryRunFigures }) total!: SlaDryRunFigures;
  @ApiProperty({
    type: [SlaDryRunAgencyView],
    description: 'agencies whose breaches change, most changed first',
  })
  byAgency!: SlaDryRunAgencyView[];
  @ApiProperty({ type: [SlaDryRunJurisdictionView], description: 'by street/town (乡镇街道)' })
  byJurisdiction!: SlaDryRunJurisdictionView[];
}

export class CalendarDayInput {
  @ApiProperty({ example: '2027-01-01' })
  @Matches(DATE, { message: 'must be a date YYYY-MM-DD' })
  date!: string;

  @ApiProperty({ enum: CALENDAR_DAY_KINDS, description: 'holiday: 放假; workday: 调休上班' })
  @IsIn(CALENDAR_DAY_KINDS)
  kind!: CalendarDayKindName;

  @ApiProperty({ example: '元旦' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  name!: string;
}

export class CalendarYearParams {
  @ApiProperty({ example: 2027 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

/** The override table for one year, replaced as a whole when the State Council publishes the year's notice. */
export class SetCalendarYearRequest {
  @ApiProperty({ example: '国务院办公厅关于2027年部分节假日安排的通知' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  source!: string;

  @ApiProperty({ type: [CalendarDayInput] })
  @IsArray()
  @ArrayMaxSize(120)
  @ValidateNested({ each: true })
  @Type(() => CalendarDayInput)
  days!: CalendarDayInput[];
}

export class SetCalendarYearCommand extends SetCalendarYearRequest {
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

export class CalendarDayView {
  @ApiProperty() date!: string;
  @ApiProperty({ enum: ['workday', 'weekend', 'holiday', 'makeup_workday'] }) kind!: string;
  @ApiProperty() working!: boolean;
  @ApiPropertyOptional() name?: string;
  @ApiProperty({ enum: ['override', 'statutory', 'weekday'] }) source!: string;
}

export class CalendarYearView {
  @ApiProperty() year!: number;
  @ApiProperty({ description: 'the hub knows this year: shipped data or an override table' }) known!: boolean;
  @ApiProperty({ description: 'working days in the year' }) workingDays!: number;
  @ApiProperty({ type: [CalendarDayView], description: 'the days that are not ordinary: holidays and 调休' })
  specialDays!: CalendarDayView[];
  @ApiProperty({ type: [CalendarDayView], description: 'the override table for the year, as entered' })
  overrides!: CalendarDayView[];
  @ApiPropertyOptional({ description: 'the notice the override table follows' }) source?: string;
  @ApiPropertyOptional({ description: 'after a change: running deadlines it moved' }) clocksMoved?: number;
}

export class WorkingPeriodInput {
  @ApiProperty({ example: '08:30' })
  @Matches(CLOCK_TIME, { message: 'must be a time HH:MM' })
  start!: string;

  @ApiProperty({ example: '12:00' })
  @Matches(CLOCK_TIME, { message: 'must be a time HH:MM' })
  end!: string;
}

export class JurisdictionCodeParams {
  @ApiProperty({ example: '370781001000' })
  @Matches(JURISDICTION_CODE, { message: JURISDICTION_CODE_MESSAGE })
  code!: string;
}

export class SetWorkingHoursRequest {
  @ApiProperty({ type: [WorkingPeriodInput] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => WorkingPeriodInput)
  periods!: WorkingPeriodInput[];
}

export class SetWorkingHoursCommand extends SetWorkingHoursRequest {
  @Matches(JURISDICTION_CODE, { message: JURISDICTION_CODE_MESSAGE })
  code!: string;
}

export class WorkingHoursView {
  @ApiProperty() jurisdictionCode!: string;
  @ApiProperty({ description: 'where the hours come from: this jurisdiction, an ancestor, or the default' })
  definedAt!: string;
  @ApiProperty({ type: [WorkingPeriodInput] }) periods!: WorkingPeriodInput[];
}

export class SlaClockIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  clockId!: string;
}

export class ListSlaClocksQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the referral, summons or task timed' })
  @IsOptional()
  @IsUUID()
  subjectId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ description: "cases in this jurisdiction or below (within the caller's own)" })
  @IsOptional()
  @Matches(JURISDICTION_CODE, { message: JURISDICTION_CODE_MESSAGE })
  jurisdictionCode?: string;

  @ApiPropertyOptional({ enum: SLA_CLOCK_KINDS })
  @IsOptional()
  @IsIn(SLA_CLOCK_KINDS)
  kind?: SlaClockKind;

  @ApiPropertyOptional({ enum: SLA_CLOCK_STATES })
  @IsOptional()
  @IsIn(SLA_CLOCK_STATES)
  state?: SlaClockState;

  @ApiPropertyOptional({ enum: SLA_LEVELS, description: 'clocks that reached at least this level' })
  @IsOptional()
  @IsIn(SLA_LEVELS)
  level?: SlaLevel;

  @ApiPropertyOptional({ description: 'clocks past their deadline (or stopped late)' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  overdue?: boolean;
}

export class PauseSlaClockRequest {
  @ApiProperty({ enum: SLA_PAUSE_REASONS })
  @IsIn(SLA_PAUSE_REASONS)
  reason!: SlaPauseReason;

  @ApiProperty({ example: '申请人外出务工，电话无人接听，已发短信' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  note!: string;
}

export class PauseSlaClockCommand extends PauseSlaClockRequest {
  @IsUUID()
  clockId!: string;
}

export class ResumeSlaClockRequest {
  @ApiPropertyOptional({ example: '已联系上申请人' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class ResumeSlaClockCommand extends ResumeSlaClockRequest {
  @IsUUID()
  clockId!: string;
}

/** 延期申请: more time, in the clock's own kind of unit (working days/hours, or minutes/hours). */
export class RequestSlaExtensionRequest {
  @ApiProperty({ example: 10, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(10000)
  amount!: number;

  @ApiProperty({ enum: SLA_UNITS, example: 'working_days' })
  @IsIn(SLA_UNITS)
  unit!: SlaUnit;

  @ApiProperty({ example: '需等待伤残等级鉴定结论' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export class RequestSlaExtensionCommand extends RequestSlaExtensionRequest {
  @IsUUID()
  clockId!: string;
}

export class SlaExtensionIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  clockId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  extensionId!: string;
}

export class DecideSlaExtensionRequest {
  @ApiProperty()
  @IsBoolean()
  approve!: boolean;

  @ApiProperty({ example: '同意延期 10 个工作日' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  note!: string;
}

export class DecideSlaExtensionCommand extends DecideSlaExtensionRequest {
  @IsUUID()
  clockId!: string;

  @IsUUID()
  extensionId!: string;
}

export class SlaExtensionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() amount!: number;
  @ApiProperty({ enum: SLA_UNITS }) unit!: SlaUnit;
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: SLA_EXTENSION_STATUSES }) status!: SlaExtensionStatus;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty() requestedByName!: string;
  @ApiPropertyOptional({ format: 'date-time' }) decidedAt?: string;
  @ApiPropertyOptional() decidedByName?: string;
  @ApiPropertyOptional() decisionNote?: string;
}

/** One step of a clock's history (started, paused, resumed, extended, warned, breached, stopped, …). */
export class SlaClockStepView {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ example: 'paused' }) step!: string;
  @ApiProperty({ example: '暂停计时：当事人无法联系' }) summary!: string;
  @ApiPropertyOptional() actorName?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'the deadline after this step' }) dueAt?: string;
}

export class SlaClockView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: SLA_CLOCK_KINDS }) kind!: SlaClockKind;
  @ApiProperty({ format: 'uuid' }) subjectId!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty() agencyName!: string;
  @ApiProperty() jurisdictionCode!: string;
  @ApiProperty({ enum: SLA_URGENCIES }) urgency!: SlaUrgency;
  @ApiPropertyOptional({ description: 'the policy version the clock runs under' }) policyVersion?: number;
  @ApiProperty({ type: SlaTargetView }) target!: SlaTargetView;
  @ApiProperty({ enum: SLA_CLOCK_STATES }) state!: SlaClockState;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'absent while paused' }) dueAt?: string;
  @ApiProperty({ description: 'allowed time used, in % (working time for working-day clocks)' })
  usedPercent!: number;
  @ApiPropertyOptional({ enum: SLA_LEVELS, description: 'the highest warning level reached' })
  level?: SlaLevel;
  @ApiProperty({ description: 'total paused time, in the clock’s own measure, ms' }) pausedMs!: number;
  @ApiProperty({ description: 'approved extensions, in the clock’s own measure, ms' }) extendedMs!: number;
  @ApiPropertyOptional({ format: 'date-time' }) stoppedAt?: string;
  @ApiPropertyOptional({ enum: SLA_STOP_REASONS }) stopReason?: SlaStopReason;
  @ApiProperty({ description: 'past the deadline while running, or stopped after it' }) overdue!: boolean;
  @ApiProperty({ type: [SlaExtensionView] }) extensions!: SlaExtensionView[];
  @ApiProperty({ type: [SlaClockStepView] }) history!: SlaClockStepView[];
}

/** 临期预测: what will breach in the next hours, by agency and by jurisdiction. */
export class SlaForecastQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 720, default: 24 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(720)
  hours?: number;

  @ApiPropertyOptional({ description: "cases in this jurisdiction or below (within the caller's own)" })
  @IsOptional()
  @Matches(JURISDICTION_CODE, { message: JURISDICTION_CODE_MESSAGE })
  jurisdictionCode?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ enum: SLA_CLOCK_KINDS })
  @IsOptional()
  @IsIn(SLA_CLOCK_KINDS)
  kind?: SlaClockKind;
}

export class SlaForecastAgencyView {
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty() agencyName!: string;
  @ApiProperty() jurisdictionCode!: string;
  @ApiProperty() count!: number;
  @ApiProperty({ format: 'date-time' }) earliestDueAt!: string;
}

export class SlaForecastJurisdictionView {
  @ApiProperty() jurisdictionCode!: string;
  @ApiProperty() jurisdictionName!: string;
  @ApiProperty() count!: number;
}

export class SlaForecastClockView {
  @ApiProperty({ format: 'uuid' }) clockId!: string;
  @ApiProperty({ enum: SLA_CLOCK_KINDS }) kind!: SlaClockKind;
  @ApiProperty() caseNumber!: string;
  @ApiProperty() agencyName!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
}

export class SlaForecastView {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty({ description: 'running clocks due in the window' }) total!: number;
  @ApiProperty({ type: [SlaForecastAgencyView] }) byAgency!: SlaForecastAgencyView[];
  @ApiProperty({ type: [SlaForecastJurisdictionView], description: 'by street/town (乡镇街道)' })
  byJurisdiction!: SlaForecastJurisdictionView[];
  @ApiProperty({ type: [SlaForecastClockView], description: 'the soonest 50' })
  soonest!: SlaForecastClockView[];
}

export class ListSupervisionsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SUPERVISION_STATUSES })
  @IsOptional()
  @IsIn(SUPERVISION_STATUSES)
  status?: SupervisionStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @ApiPropertyOptional({ description: "cases in this jurisdiction or below (within the caller's own)" })
  @IsOptional()
  @Matches(JURISDICTION_CODE, { message: JURISDICTION_CODE_MESSAGE })
  jurisdictionCode?: string;
}

export class SupervisionIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  supervisionId!: string;
}

export class CloseSupervisionRequest {
  @ApiProperty({ example: '已电话督促，承诺明日上午签收' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note!: string;
}

export class CloseSupervisionCommand extends CloseSupervisionRequest {
  @IsUUID()
  supervisionId!: string;
}

/** 督办单. */
export class SupervisionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: SUPERVISION_STATUSES }) status!: SupervisionStatus;
  @ApiProperty({ format: 'uuid' }) clockId!: string;
  @ApiProperty({ enum: SLA_CLOCK_KINDS }) clockKind!: SlaClockKind;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty() agencyName!: string;
  @ApiProperty() jurisdictionCode!: string;
  @ApiProperty({ example: '签收超期：弥河镇人民调解委员会' }) reason!: string;
  @ApiProperty({ enum: SLA_BREACH_ACTIONS, isArray: true }) actions!: SlaBreachAction[];
  @ApiPropertyOptional({ description: 'the ladder level proposed, when the breach escalates' })
  proposedLevel?: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'the referral it was reassigned to, when it was' })
  reassignedToReferralId?: string;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) closedAt?: string;
  @ApiPropertyOptional() closedByName?: string;
  @ApiPropertyOptional() closingNote?: string;
}
