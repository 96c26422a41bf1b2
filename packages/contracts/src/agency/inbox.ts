import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { CloseReferralRequest, ListReferralsQuery } from '../dispatch/referral';
import {
  REFERRAL_OUTCOMES,
  REFERRAL_STATUSES,
  type ReferralOutcome,
  type ReferralStatus,
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
  @ApiPropertyOptional({ enum: REFERRAL_OUTCOMES }) outcome?: ReferralOutcome;
  @ApiPropertyOptional() closingNote?: string;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) acceptedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) closedAt?: string;
}

export class ListInboxCommand extends ListReferralsQuery {
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
