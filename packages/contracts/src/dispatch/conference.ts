import { Type } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../common/page';
import {
  CONFERENCE_STATUSES,
  CONFERENCE_TASK_STATUSES,
  UNIT_KINDS,
  type ConferenceStatus,
  type ConferenceTaskStatus,
  type UnitKind,
} from '../common/vocabulary';

/** 联席会议 for a case at the joint-conference level of its ladder (五级联动's 联席调). */
export class ScheduleConferenceRequest {
  @ApiProperty({ format: 'date-time', example: '2026-12-01T09:00:00+08:00' })
  @IsISO8601({ strict: true })
  scheduledFor!: string;

  @ApiProperty({ example: '黄楼街道警政多元调解中心二楼会议室' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  place!: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'at least two units, departments included' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  participantUnitIds!: string[];
}

export class ScheduleConferenceCommand extends ScheduleConferenceRequest {
  @IsUUID()
  caseId!: string;
}

export class ConferenceIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  conferenceId!: string;
}

/** The conference met: its minutes (会议纪要) and when. */
/** 派单 from the conference to one participant unit, with a deadline. */
export class IssueConferenceTaskRequest {
  @ApiProperty({ format: 'uuid', description: 'one of the conference participants' })
  @IsUUID()
  unitId!: string;

  @ApiProperty({ example: '复核宅基地四至并出具书面意见' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  description!: string;

  @ApiProperty({ format: 'date-time', description: 'after the meeting and after now' })
  @IsISO8601({ strict: true })
  dueAt!: string;
}

export class RecordConferenceMinutesRequest {
  @ApiProperty({ example: '经会商，自然资源所负责复核宅基地四至，民政办负责核查低保资格……' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  minutes!: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  heldAt!: string;

  @ApiProperty({
    type: [IssueConferenceTaskRequest],
    description: 'the tasks (派单) the meeting decided, one or more; all issued with the minutes',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => IssueConferenceTaskRequest)
  tasks!: IssueConferenceTaskRequest[];
}

export class RecordConferenceMinutesCommand extends RecordConferenceMinutesRequest {
  @IsUUID()
  conferenceId!: string;
}

export class IssueConferenceTaskCommand extends IssueConferenceTaskRequest {
  @IsUUID()
  conferenceId!: string;
}

export class ConferenceTaskIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  taskId!: string;
}

export class CloseConferenceTaskRequest {
  @ApiProperty({ example: '已出具复核意见：东侧界址以1998年确权图为准' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  result!: string;
}

export class CloseConferenceTaskCommand extends CloseConferenceTaskRequest {
  @IsUUID()
  taskId!: string;
}

export class ListConferencesQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @ApiPropertyOptional({ enum: CONFERENCE_STATUSES })
  @IsOptional()
  @IsIn(CONFERENCE_STATUSES)
  status?: ConferenceStatus;
}

export class ListConferenceTasksQuery extends PageQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "the unit whose tasks to list; agency staff see only their own unit's",
  })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ enum: CONFERENCE_TASK_STATUSES })
  @IsOptional()
  @IsIn(CONFERENCE_TASK_STATUSES)
  status?: ConferenceTaskStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  conferenceId?: string;
}

export class ConferenceParticipantView {
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: UNIT_KINDS }) unitKind!: UnitKind;
}

export class ConferenceTaskView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) conferenceId!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ enum: CONFERENCE_TASK_STATUSES }) status!: ConferenceTaskStatus;
  @ApiProperty({ description: 'open past its deadline, or closed after it' }) overdue!: boolean;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
  @ApiProperty() issuedByName!: string;
  @ApiPropertyOptional() result?: string;
  @ApiPropertyOptional({ format: 'date-time' }) closedAt?: string;
  @ApiPropertyOptional() closedByName?: string;
}

export class ConferenceView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty() caseTitle!: string;
  @ApiProperty() jurisdictionCode!: string;
  @ApiProperty({ description: 'the ladder level the case was at when the conference was scheduled' })
  ladderLevel!: number;
  @ApiProperty({ enum: CONFERENCE_STATUSES, description: '已安排 / 已召开 / 已办结' })
  status!: ConferenceStatus;
  @ApiProperty({ format: 'date-time' }) scheduledFor!: string;
  @ApiProperty() place!: string;
  @ApiProperty({ type: [ConferenceParticipantView] }) participants!: ConferenceParticipantView[];
  @ApiProperty() scheduledByName!: string;
  @ApiProperty({ format: 'date-time' }) scheduledAt!: string;
  @ApiPropertyOptional({ description: '会议纪要' }) minutes?: string;
  @ApiPropertyOptional({ format: 'date-time' }) heldAt?: string;
  @ApiPropertyOptional() minutesRecordedByName?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'when its last task closed' }) closedAt?: string;
  @ApiProperty({ type: [ConferenceTaskView] }) tasks!: ConferenceTaskView[];
}
