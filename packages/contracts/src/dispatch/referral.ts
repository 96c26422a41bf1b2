import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { QueryBoolean } from '../common/query-boolean';
import { PageQuery } from '../common/page';
import {
  AGENCY_KINDS,
  NEXT_STEPS,
  REFERRAL_OUTCOMES,
  REFERRAL_ROLES,
  REFERRAL_STATUSES,
  RETURN_REASONS,
  RETURN_RULINGS,
  type AgencyKind,
  type NextStep,
  type ReferralOutcome,
  type ReferralRole,
  type ReferralStatus,
  type ReturnReason,
  type ReturnRuling,
} from '../common/vocabulary';

/** What every hand-over may carry besides the agency. */
export class HandOverOptions {
  @ApiPropertyOptional({ example: '请于两个工作日内联系当事人' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({
    description:
      "required to dispatch to an agency whose kind the matrix does not name for the case's type and level",
    example: '该村人民调解委员会调解员系当事人亲属，需回避',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  overrideReason?: string;

  @ApiPropertyOptional({
    description: 'at a level where the parties choose the lawyer (律师介入调): confirms they chose this one',
  })
  @IsOptional()
  @IsBoolean()
  chosenByParties?: boolean;
}

export class IssueReferralRequest extends HandOverOptions {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  agencyId!: string;

  @ApiPropertyOptional({ enum: REFERRAL_ROLES, default: 'lead' })
  @IsOptional()
  @IsIn(REFERRAL_ROLES)
  role?: ReferralRole;
}

export class IssueReferralCommand extends IssueReferralRequest {
  @IsUUID()
  caseId!: string;
}

/** 派单: one lead (主办) and optional co-handlers (协办) at once. */
export class DispatchCaseRequest extends HandOverOptions {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  leadAgencyId!: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  coHandlerIds?: string[];
}

export class DispatchCaseCommand extends DispatchCaseRequest {
  @IsUUID()
  caseId!: string;
}

/** The coordinator's ruling on a contested return. */
export class RuleOnReturnRequest {
  @ApiProperty({
    enum: RETURN_RULINGS,
    description: 'upheld: the return stands; overruled: the agency keeps it',
  })
  @IsIn(RETURN_RULINGS)
  ruling!: ReturnRuling;

  @ApiProperty({ example: '按责任矩阵，邻里纠纷由村调委会主办，退单理由不成立' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note!: string;
}

export class RuleOnReturnCommand extends RuleOnReturnRequest {
  @IsUUID()
  referralId!: string;
}

/** 转办: goes through the coordinator, who names the new agency. */
export class TransferReferralRequest extends HandOverOptions {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  toAgencyId!: string;

  @ApiProperty({ example: '涉及宅基地确权，转自然资源所' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class TransferReferralCommand extends TransferReferralRequest {
  @IsUUID()
  referralId!: string;
}

export class ReferralIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  referralId!: string;
}

export class ListReferralsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REFERRAL_STATUSES })
  @IsOptional()
  @IsIn(REFERRAL_STATUSES)
  status?: ReferralStatus;
}

/** Dispatch's list of referrals across agencies (coordinators and leaders, by 辖区). */
export class ListDispatchReferralsQuery extends ListReferralsQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @ApiPropertyOptional({ description: 'returns waiting for a ruling' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  awaitingRuling?: boolean;

  @ApiPropertyOptional({ enum: RETURN_RULINGS })
  @IsOptional()
  @IsIn(RETURN_RULINGS)
  ruling?: ReturnRuling;
}

export class CloseReferralRequest {
  @ApiProperty({ enum: REFERRAL_OUTCOMES })
  @IsIn(REFERRAL_OUTCOMES)
  outcome!: ReferralOutcome;

  @ApiProperty({ example: '双方达成调解协议，楼上住户承担维修费用。' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note!: string;

  @ApiPropertyOptional({
    description: '调解协议 in brief: required when the outcome is resolved',
    example: '楼上住户于12月1日前修复防水层并赔偿800元',
  })
  @ValidateIf((o: CloseReferralRequest) => o.outcome === 'resolved')
  @IsString({ message: 'agreementSummary is required when the outcome is resolved (调解成功须填写协议内容)' })
  @IsNotEmpty({
    message: 'agreementSummary is required when the outcome is resolved (调解成功须填写协议内容)',
  })
  @MaxLength(2000)
  agreementSummary?: string;

  @ApiPropertyOptional({
    enum: NEXT_STEPS,
    description: 'the proposed next step: required when the outcome is failed',
  })
  @ValidateIf((o: CloseReferralRequest) => o.outcome === 'failed')
  @IsIn(NEXT_STEPS, {
    message: `nextStep must be one of ${NEXT_STEPS.join(', ')} when the outcome is failed (调解不成须提出下一步建议)`,
  })
  nextStep?: NextStep;
}

/** 退单: a reason from the list plus text. */
export class ReturnReferralRequest {
  @ApiProperty({ enum: RETURN_REASONS })
  @IsIn(RETURN_REASONS)
  reason!: ReturnReason;

  @ApiProperty({ example: '该纠纷涉及宅基地确权，属国土部门职责' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note!: string;
}

/** A referral as dispatch records it. */
export class ReferralView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty() agencyName!: string;
  @ApiProperty({ enum: AGENCY_KINDS }) agencyKind!: AgencyKind;
  @ApiProperty({ enum: REFERRAL_ROLES, description: '主办 / 协办' }) role!: ReferralRole;
  @ApiProperty({ enum: REFERRAL_STATUSES }) status!: ReferralStatus;
  @ApiPropertyOptional({ description: 'the ladder level the referral was issued at' }) ladderLevel?: number;
  @ApiPropertyOptional({ description: 'routing matrix version it was dispatched under' })
  matrixVersion?: number;
  @ApiPropertyOptional({ description: 'why the coordinator dispatched outside the matrix' })
  matrixOverrideReason?: string;
  @ApiPropertyOptional({ enum: REFERRAL_OUTCOMES }) outcome?: ReferralOutcome;
  @ApiPropertyOptional() closingNote?: string;
  @ApiPropertyOptional() agreementSummary?: string;
  @ApiPropertyOptional({ enum: NEXT_STEPS }) nextStep?: NextStep;
  @ApiPropertyOptional({ enum: RETURN_REASONS }) returnReason?: ReturnReason;
  @ApiPropertyOptional() returnNote?: string;
  @ApiPropertyOptional({ description: 'the return contradicts the matrix and waits for the coordinator' })
  awaitingRuling?: boolean;
  @ApiPropertyOptional({ enum: RETURN_RULINGS }) ruling?: ReturnRuling;
  @ApiPropertyOptional({ format: 'uuid', description: 'the referral this one was transferred to' })
  transferredToId?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description: '反弹重开: the resolved referral whose follow-up found the dispute rebounded',
  })
  reopenedFromReferralId?: string;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) acceptedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) returnedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) closedAt?: string;
}
