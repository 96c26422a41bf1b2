import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQuery } from '../common/page';
import { QueryBoolean } from '../common/query-boolean';
import {
  FOLLOW_UP_METHODS,
  FOLLOW_UP_STATUSES,
  SATISFACTION_LEVELS,
  type FollowUpMethod,
  type FollowUpStatus,
  type SatisfactionLevel,
} from '../common/vocabulary';
import { ActorRefView } from './sessions';

/** The one follow-up (回访) of a referral, found by the referral. */
export class FollowUpOfReferralCommand {
  @IsUUID()
  referralId!: string;
}

/** Re-plans a scheduled follow-up: when, how, and who is to make it. */
export class PlanFollowUpRequest {
  @ApiProperty({ format: 'date-time', description: 'not before the referral was closed' })
  @IsISO8601({ strict: true })
  scheduledFor!: string;

  @ApiProperty({ enum: FOLLOW_UP_METHODS, description: '电话 / 上门' })
  @IsIn(FOLLOW_UP_METHODS)
  method!: FollowUpMethod;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "one of the agency's mediators, neither the mediator in charge nor whoever closed the referral; absent: nobody in particular",
  })
  @IsOptional()
  @IsUUID()
  assigneeMediatorId?: string;
}

export class PlanFollowUpCommand extends PlanFollowUpRequest {
  @IsUUID()
  referralId!: string;
}

/** 回访记录: what the parties said, by someone other than who closed the referral. */
export class RecordFollowUpRequest {
  @ApiProperty({ enum: FOLLOW_UP_METHODS, description: 'how it was made: 电话 / 上门' })
  @IsIn(FOLLOW_UP_METHODS)
  method!: FollowUpMethod;

  @ApiProperty({ enum: SATISFACTION_LEVELS, description: '满意 / 基本满意 / 不满意' })
  @IsIn(SATISFACTION_LEVELS)
  satisfaction!: SatisfactionLevel;

  @ApiProperty({ description: '反弹: the dispute has flared up again (dispatch reopens it)' })
  @IsBoolean()
  rebound!: boolean;

  @ApiPropertyOptional({
    example: '被申请人未按协议修复防水层，楼下仍漏水，申请人要求重新调解。',
    description: 'required when the dispute rebounded',
  })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string;

  @ApiPropertyOptional({
    type: [Number],
    description: 'the parties reached (their positions in the case, 0 = first)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(99, { each: true })
  contactedPartyPositions?: number[];
}

export class RecordFollowUpCommand extends RecordFollowUpRequest {
  @IsUUID()
  referralId!: string;
}

/** An agency's follow-ups: the scheduled ones first, soonest due first. */
export class ListFollowUpsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: FOLLOW_UP_STATUSES })
  @IsOptional()
  @IsIn(FOLLOW_UP_STATUSES)
  status?: FollowUpStatus;

  @ApiPropertyOptional({ format: 'date-time', description: 'planned for before this moment' })
  @IsOptional()
  @IsISO8601({ strict: true })
  dueBefore?: string;

  @ApiPropertyOptional({ enum: SATISFACTION_LEVELS })
  @IsOptional()
  @IsIn(SATISFACTION_LEVELS)
  satisfaction?: SatisfactionLevel;

  @ApiPropertyOptional({ description: '反弹 only (true) or none of them (false)' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  rebound?: boolean;
}

export class ListFollowUpsCommand extends ListFollowUpsQuery {
  @IsUUID()
  agencyId!: string;
}

export class FollowUpView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) referralId!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty() caseTitle!: string;
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty({ enum: FOLLOW_UP_STATUSES }) status!: FollowUpStatus;
  @ApiProperty({ enum: FOLLOW_UP_METHODS }) method!: FollowUpMethod;
  @ApiProperty({ format: 'date-time' }) scheduledFor!: string;
  @ApiProperty({ description: 'scheduled and its time has passed' }) overdue!: boolean;
  @ApiPropertyOptional({ format: 'uuid' }) assigneeMediatorId?: string;
  @ApiPropertyOptional() assigneeMediatorName?: string;
  @ApiPropertyOptional({ enum: SATISFACTION_LEVELS }) satisfaction?: SatisfactionLevel;
  @ApiPropertyOptional({ description: '反弹' }) rebound?: boolean;
  @ApiPropertyOptional() note?: string;
  @ApiPropertyOptional({ type: [Number] }) contactedPartyPositions?: number[];
  @ApiPropertyOptional({ format: 'date-time' }) recordedAt?: string;
  @ApiPropertyOptional({ type: ActorRefView }) recordedBy?: ActorRefView;
  @ApiProperty({ format: 'date-time', description: 'when the referral was closed' }) closedAt!: string;
}
