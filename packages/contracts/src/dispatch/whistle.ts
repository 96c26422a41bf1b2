import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { PageQuery } from '../common/page';
import {
  SUMMONS_STATUSES,
  UNIT_KINDS,
  WHISTLE_STATUSES,
  WHISTLE_URGENCIES,
  type SummonsStatus,
  type UnitKind,
  type WhistleStatus,
  type WhistleUrgency,
} from '../common/vocabulary';
import { JURISDICTION_CODE, JURISDICTION_CODE_MESSAGE } from './agency';

/** 吹哨: a grassroots unit calls other units (departments included) to a case it cannot settle alone. */
export class BlowWhistleRequest {
  @ApiProperty({
    enum: WHISTLE_URGENCIES,
    description: '紧急: 报到 within 30 minutes; 一般: within 24 hours',
  })
  @IsIn(WHISTLE_URGENCIES)
  urgency!: WhistleUrgency;

  @ApiProperty({ example: '宅基地边界纠纷双方情绪激动，涉及确权和低保，需派出所、自然资源所、民政办到场' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'the units summoned: agencies of any kind, departments included; not your own unit',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  unitIds!: string[];
}

export class BlowWhistleCommand extends BlowWhistleRequest {
  @IsUUID()
  caseId!: string;
}

export class WhistleIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  whistleId!: string;
}

/** 报到: the summoned unit checks in; the unit is the caller's own. */
export class RespondToWhistleRequest {
  @ApiPropertyOptional({ example: '民警张某、李某已出发，预计20分钟到达' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class RespondToWhistleCommand extends RespondToWhistleRequest {
  @IsUUID()
  whistleId!: string;
}

/** 支援: what the summoned unit did, after it checked in. */
export class ReportWhistleSupportRequest {
  @ApiProperty({ example: '到场核实宅基地四至，调取1998年确权档案，当场向双方释明' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  report!: string;
}

export class ReportWhistleSupportCommand extends ReportWhistleSupportRequest {
  @IsUUID()
  whistleId!: string;
}

/** The raiser (or a coordinator) confirms the whistle answered. */
export class CloseWhistleRequest {
  @ApiProperty({ example: '各部门已到场支援，纠纷转入联合调解' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note!: string;
}

export class CloseWhistleCommand extends CloseWhistleRequest {
  @IsUUID()
  whistleId!: string;
}

export class ListWhistlesQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @ApiPropertyOptional({ enum: WHISTLE_STATUSES })
  @IsOptional()
  @IsIn(WHISTLE_STATUSES)
  status?: WhistleStatus;

  @ApiPropertyOptional({ enum: WHISTLE_URGENCIES })
  @IsOptional()
  @IsIn(WHISTLE_URGENCIES)
  urgency?: WhistleUrgency;

  @ApiPropertyOptional({ format: 'uuid', description: 'whistles that summon this unit' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

/** 督办: summoned units that have not checked in although their deadline passed. */
export class ListUnansweredSummonsQuery extends PageQuery {
  @ApiPropertyOptional({ description: "cases in this jurisdiction or below it (within the caller's own)" })
  @IsOptional()
  @Matches(JURISDICTION_CODE, { message: JURISDICTION_CODE_MESSAGE })
  jurisdictionCode?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'only this summoned unit' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({
    enum: WHISTLE_STATUSES,
    description: 'open: still waiting; closed: confirmed without them. Both when omitted.',
  })
  @IsOptional()
  @IsIn(WHISTLE_STATUSES)
  whistleStatus?: WhistleStatus;
}

/** One summoned unit with its 报到 and 支援. */
export class SummonsView {
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: UNIT_KINDS }) unitKind!: UnitKind;
  @ApiProperty({ enum: SUMMONS_STATUSES, description: '已召集 / 已报到 / 已支援' }) status!: SummonsStatus;
  @ApiProperty({ format: 'date-time', description: '报到 deadline' }) respondBy!: string;
  @ApiProperty({ description: 'the deadline passed without a check-in' }) overdue!: boolean;
  @ApiPropertyOptional({ format: 'date-time' }) respondedAt?: string;
  @ApiPropertyOptional() respondedByName?: string;
  @ApiPropertyOptional({ description: 'seconds from the whistle to the check-in' }) responseSeconds?: number;
  @ApiPropertyOptional({ description: 'checked in after the deadline' }) late?: boolean;
  @ApiPropertyOptional() responseNote?: string;
  @ApiPropertyOptional() supportReport?: string;
  @ApiPropertyOptional({ format: 'date-time' }) supportedAt?: string;
  @ApiPropertyOptional() supportedByName?: string;
}

export class WhistleView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty() caseTitle!: string;
  @ApiProperty() jurisdictionCode!: string;
  @ApiProperty({ enum: WHISTLE_URGENCIES }) urgency!: WhistleUrgency;
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: WHISTLE_STATUSES }) status!: WhistleStatus;
  @ApiProperty() raisedById!: string;
  @ApiProperty() raisedByName!: string;
  @ApiProperty() raisedByRole!: string;
  @ApiPropertyOptional({ format: 'uuid', description: "the raiser's unit, when an agency raised it" })
  raisedByUnitId?: string;
  @ApiPropertyOptional() raisedByUnitName?: string;
  @ApiProperty({ format: 'date-time' }) blownAt!: string;
  @ApiProperty({ format: 'date-time', description: '报到 deadline for every summoned unit' })
  respondBy!: string;
  @ApiPropertyOptional({ format: 'date-time' }) closedAt?: string;
  @ApiPropertyOptional() closedByName?: string;
  @ApiPropertyOptional() closingNote?: string;
  @ApiProperty({ type: [SummonsView] }) summons!: SummonsView[];
}

/** A summoned unit overdue for 报到, for the coordinator's 督办 list. */
export class UnansweredSummonsView {
  @ApiProperty({ format: 'uuid' }) whistleId!: string;
  @ApiProperty({ enum: WHISTLE_STATUSES }) whistleStatus!: WhistleStatus;
  @ApiProperty({ enum: WHISTLE_URGENCIES }) urgency!: WhistleUrgency;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty() caseTitle!: string;
  @ApiProperty() jurisdictionCode!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ enum: UNIT_KINDS }) unitKind!: UnitKind;
  @ApiProperty() raisedByName!: string;
  @ApiProperty({ format: 'date-time' }) blownAt!: string;
  @ApiProperty({ format: 'date-time' }) respondBy!: string;
  @ApiProperty({ description: 'seconds past the deadline, as of the request' }) overdueSeconds!: number;
}
