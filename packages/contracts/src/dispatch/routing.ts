import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  AGENCY_KINDS,
  JURISDICTION_LEVELS,
  REFERRAL_ROLES,
  RISK_LEVELS,
  type AgencyKind,
  type JurisdictionLevel,
  type ReferralRole,
  type RiskLevel,
} from '../common/vocabulary';
import { JURISDICTION_CODE, JURISDICTION_CODE_MESSAGE } from './agency';

/** One factor of a routing proposal's score, with its reason in both languages. */
export class ProposalReasonView {
  @ApiProperty({ enum: ['matrix', 'nearness', 'load', 'on_time'] }) factor!: string;
  @ApiProperty({ description: 'this factor on 0..1' }) value!: number;
  @ApiProperty({ description: 'its weight in the score' }) weight!: number;
  @ApiProperty({ example: '矩阵规定为主办单位' }) zh!: string;
  @ApiProperty({ example: 'the matrix names this kind as lead' }) en!: string;
}

export class AgencyProposalView {
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty() agencyName!: string;
  @ApiProperty({ enum: AGENCY_KINDS }) agencyKind!: AgencyKind;
  @ApiProperty() jurisdictionCode!: string;
  @ApiProperty({ enum: REFERRAL_ROLES }) role!: ReferralRole;
  @ApiProperty({ description: 'weighted score, 0..1; proposals are sorted by it' }) score!: number;
  @ApiProperty() openReferrals!: number;
  @ApiProperty() capacity!: number;
  @ApiPropertyOptional({ description: 'share of referrals accepted on time over the last 90 days' })
  onTimeRate?: number;
  @ApiProperty({ type: [ProposalReasonView] }) reasons!: ProposalReasonView[];
}

export class RoutingProposalView {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() disputeType!: string;
  @ApiProperty({ enum: JURISDICTION_LEVELS }) jurisdictionLevel!: JurisdictionLevel;
  @ApiProperty() ladderLevel!: number;
  @ApiProperty({ description: 'the matrix version the proposal follows' }) matrixVersion!: number;
  @ApiProperty({ type: [AgencyProposalView], description: '主办 candidates, best first' })
  leads!: AgencyProposalView[];
  @ApiProperty({ type: [AgencyProposalView], description: '协办 candidates, best first' })
  coHandlers!: AgencyProposalView[];
}

export class RoutingMatrixEntryInput {
  @ApiProperty({ example: 'neighbour' })
  @Matches(/^[a-z][a-z_]{1,40}$/, { message: 'must be a dispute type code such as neighbour' })
  disputeType!: string;

  @ApiProperty({ enum: JURISDICTION_LEVELS })
  @IsIn(JURISDICTION_LEVELS)
  jurisdictionLevel!: JurisdictionLevel;

  @ApiProperty({ enum: AGENCY_KINDS })
  @IsIn(AGENCY_KINDS)
  agencyKind!: AgencyKind;

  @ApiProperty({ enum: REFERRAL_ROLES })
  @IsIn(REFERRAL_ROLES)
  role!: ReferralRole;
}

/** A new version of the whole matrix; older versions stay as they were. */
export class PublishRoutingMatrixRequest {
  @ApiProperty({ example: '新增校园纠纷由派出所主办' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  note!: string;

  @ApiProperty({ type: [RoutingMatrixEntryInput] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => RoutingMatrixEntryInput)
  entries!: RoutingMatrixEntryInput[];
}

export class RoutingMatrixQuery {
  @ApiPropertyOptional({ description: 'a published version (default: the one in force)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}

export class RoutingMatrixView {
  @ApiProperty() version!: number;
  @ApiProperty() note!: string;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiProperty() publishedBy!: string;
  @ApiProperty({ type: [RoutingMatrixEntryInput] }) entries!: RoutingMatrixEntryInput[];
}

/** When the hub may dispatch a registered case by itself. */
export class DispatchPolicyRequest {
  @ApiProperty()
  @IsBoolean()
  autoDispatch!: boolean;

  @ApiProperty({ enum: RISK_LEVELS, description: 'cases above this risk always wait for a coordinator' })
  @IsIn(RISK_LEVELS)
  maxRiskLevel!: RiskLevel;

  @ApiProperty({ minimum: 0, maximum: 1, example: 0.8, description: 'classifier agreement required' })
  @IsNumber()
  @Min(0)
  @Max(1)
  minConfidence!: number;

  @ApiProperty({ minimum: 0, maximum: 1, example: 0.1, description: 'lead over the runner-up required' })
  @IsNumber()
  @Min(0)
  @Max(1)
  minMargin!: number;
}

export class JurisdictionParams {
  @ApiProperty({ example: '370781007000' })
  @Matches(JURISDICTION_CODE, { message: JURISDICTION_CODE_MESSAGE })
  jurisdictionCode!: string;
}

export class SetDispatchPolicyCommand extends DispatchPolicyRequest {
  @Matches(JURISDICTION_CODE, { message: JURISDICTION_CODE_MESSAGE })
  jurisdictionCode!: string;
}

export class DispatchPolicyView extends DispatchPolicyRequest {
  @ApiProperty() jurisdictionCode!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
