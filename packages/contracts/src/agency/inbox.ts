import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { QueryBoolean } from '../common/query-boolean';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { CloseReferralRequest, ListReferralsQuery, ReturnReferralRequest } from '../dispatch/referral';
import {
  NEXT_STEPS,
  REFERRAL_OUTCOMES,
  REFERRAL_ROLES,
  REFERRAL_STATUSES,
  RETURN_REASONS,
  RETURN_RULINGS,
  RISK_LEVELS,
  type NextStep,
  type ReferralOutcome,
  type ReferralRole,
  type ReferralStatus,
  type ReturnReason,
  type ReturnRuling,
  type RiskLevel,
} from '../common/vocabulary';

/** A referral as it sits in an agency's own inbox. */
export class InboxReferralView {
  @ApiProperty({ format: 'uuid', description: 'the referral id (same as in dispatch)' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty() caseTitle!: string;
  @ApiProperty() disputeType!: string;
  @ApiProperty() jurisdictionCode!: string;
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty({ enum: REFERRAL_STATUSES }) status!: ReferralStatus;
  @ApiProperty({ enum: REFERRAL_ROLES, description: '主办 / 协办' }) role!: ReferralRole;
  @ApiProperty({ enum: RISK_LEVELS, description: '风险等级' }) riskLevel!: RiskLevel;
  @ApiProperty({ description: '民转刑 risk: listed first' }) violenceRisk!: boolean;
  @ApiPropertyOptional({ description: 'the ladder level the referral was issued at' }) ladderLevel?: number;
  @ApiPropertyOptional({ description: "the coordinator's note on issuing" }) issueNote?: string;
  @ApiPropertyOptional({ enum: REFERRAL_OUTCOMES }) outcome?: ReferralOutcome;
  @ApiPropertyOptional() closingNote?: string;
  @ApiPropertyOptional({ description: '调解协议 in brief (resolved)' }) agreementSummary?: string;
  @ApiPropertyOptional({ enum: NEXT_STEPS, description: 'the proposed next step (failed)' })
  nextStep?: NextStep;
  @ApiPropertyOptional({ format: 'uuid', description: 'the mediator in charge (承办调解员)' })
  mediatorId?: string;
  @ApiPropertyOptional({ enum: RETURN_REASONS, description: '退单理由 of the latest return' })
  returnReason?: ReturnReason;
  @ApiPropertyOptional() returnNote?: string;
  @ApiPropertyOptional({ enum: RETURN_RULINGS, description: "the coordinator's ruling on the latest return" })
  ruling?: ReturnRuling;
  @ApiPropertyOptional() rulingNote?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'transferred (转办): the referral that replaced it' })
  transferredToReferralId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'transferred (转办): the agency it went to' })
  transferredToAgencyId?: string;
  @ApiPropertyOptional() transferReason?: string;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) acceptedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) startedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) returnedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) ruledAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) transferredAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) closedAt?: string;
}

/** An agency's inbox: 民转刑 first, then the most serious risk, then the newest. */
export class ListInboxQuery extends ListReferralsQuery {
  @ApiPropertyOptional({ description: '民转刑 risk only (true) or none of them (false)' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  violenceRisk?: boolean;

  @ApiPropertyOptional({ enum: REFERRAL_ROLES, description: '主办 / 协办' })
  @IsOptional()
  @IsIn(REFERRAL_ROLES)
  role?: ReferralRole;
}

export class ListInboxCommand extends ListInboxQuery {
  @IsUUID()
  agencyId!: string;
}

export class AcceptReferralCommand {
  @IsUUID()
  referralId!: string;
}

export class CloseReferralCommand extends CloseReferralRequest {
  @IsUUID()
  referralId!: string;
}

export class ReturnReferralCommand extends ReturnReferralRequest {
  @IsUUID()
  referralId!: string;
}

/** 开始办理: the referral moves from accepted to in progress. */
export class StartReferralCommand {
  @IsUUID()
  referralId!: string;
}
