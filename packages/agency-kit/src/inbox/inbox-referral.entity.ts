import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import type { ReferralOutcome, ReferralStatus } from '@fengqiao/contracts';

/**
 * A referral in this agency service's own inbox, created from dispatch.referral.issued.v1.
 * The agency owns its lifecycle (签收, 办结) and reports each step back as an event.
 */
@Entity({ name: 'referrals' })
@Index('referrals_agency_status_issued', ['agencyId', 'status', 'issuedAt'])
export class InboxReferral {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('varchar', { name: 'case_number', length: 32 })
  caseNumber!: string;

  @Column('varchar', { name: 'case_title', length: 200 })
  caseTitle!: string;

  @Column('varchar', { name: 'dispute_type', length: 40 })
  disputeType!: string;

  @Column('varchar', { name: 'jurisdiction_code', length: 12 })
  jurisdictionCode!: string;

  @Column('uuid', { name: 'agency_id' })
  agencyId!: string;

  @Column('varchar', { length: 16 })
  status!: ReferralStatus;

  @Column('text', { name: 'issue_note', nullable: true })
  issueNote!: string | null;

  @Column('varchar', { length: 16, nullable: true })
  outcome!: ReferralOutcome | null;

  @Column('text', { name: 'closing_note', nullable: true })
  closingNote!: string | null;

  @Column('timestamptz', { name: 'issued_at' })
  issuedAt!: Date;

  @Column('timestamptz', { name: 'received_at', default: () => 'now()' })
  receivedAt!: Date;

  @Column('timestamptz', { name: 'accepted_at', nullable: true })
  acceptedAt!: Date | null;

  @Column('varchar', { name: 'accepted_by_id', length: 64, nullable: true })
  acceptedById!: string | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @Column('varchar', { name: 'closed_by_id', length: 64, nullable: true })
  closedById!: string | null;

  @VersionColumn()
  version!: number;
}
