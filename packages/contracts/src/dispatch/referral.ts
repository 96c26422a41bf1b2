import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../common/page';
import {
  AGENCY_KINDS,
  REFERRAL_OUTCOMES,
  REFERRAL_STATUSES,
  type AgencyKind,
  type ReferralOutcome,
  type ReferralStatus,
} from '../common/vocabulary';

export class IssueReferralRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  agencyId!: string;

  @ApiPropertyOptional({ example: '请于两个工作日内联系当事人' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class IssueReferralCommand extends IssueReferralRequest {
  @IsUUID()
  caseId!: string;
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

export class CloseReferralRequest {
  @ApiProperty({ enum: REFERRAL_OUTCOMES })
  @IsIn(REFERRAL_OUTCOMES)
  outcome!: ReferralOutcome;

  @ApiProperty({ example: '双方达成调解协议，楼上住户承担维修费用。' })
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
  @ApiProperty({ enum: REFERRAL_STATUSES }) status!: ReferralStatus;
  @ApiPropertyOptional({ enum: REFERRAL_OUTCOMES }) outcome?: ReferralOutcome;
  @ApiPropertyOptional() closingNote?: string;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) acceptedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) closedAt?: string;
}
