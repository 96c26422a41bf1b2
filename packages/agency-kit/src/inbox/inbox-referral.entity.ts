import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import type {
  NextStep,
  ReferralOutcome,
  ReferralRole,
  ReferralStatus,
  ReturnReason,
  ReturnRuling,
  RiskLevel,
} from '@fengqiao/contracts';

/**
 * A referral in this agency service's own inbox, created from dispatch.referral.issued.v1.
 * The agency owns its lifecycle (签收, 退单, 开始办理, 办结) and reports each step back as an event;
 * dispatch's rulings on returns and its transfers (转办) arrive as events and are applied here.
 *
 * The two indexes serve the inbox's order (民转刑 first, then risk, then newest) for one agency,
 * with and without a status filter, read backwards: violence_risk, risk_rank, issued_at, id all DESC.
 */
@Entity({ name: 'referrals' })
@Index('referrals_agency_priority', ['agencyId', 'violenceRisk', 'riskRank', 'issuedAt', 'id'])
@Index('referrals_agency_status_priority', [
  'agencyId',
  'status',
  'violenceRisk',
  'riskRank',
  'issuedAt',
  'id',
])
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

  /** 主办 / 协办. */
  @Column('varchar', { length: 8, default: 'lead' })
  role!: ReferralRole;

  @Column('varchar', { name: 'risk_level', length: 20, default: 'general' })
  riskLevel!: RiskLevel;

  /** riskLevel as its place in RISK_LEVELS (0 general … 3 especially_major), for the inbox order. */
  @Column('smallint', { name: 'risk_rank', default: 0 })
  riskRank!: number;

  /** 民转刑 risk: listed before everything else. */
  @Column('boolean', { name: 'violence_risk', default: false })
  violenceRisk!: boolean;

  @Column('smallint', { name: 'ladder_level', nullable: true })
  ladderLevel!: number | null;

  @Column('text', { name: 'issue_note', nullable: true })
  issueNote!: string | null;

  @Column('varchar', { length: 16, nullable: true })
  outcome!: ReferralOutcome | null;

  @Column('text', { name: 'closing_note', nullable: true })
  closingNote!: string | null;

  /** 调解协议 in brief, when resolved. */
  @Column('text', { name: 'agreement_summary', nullable: true })
  agreementSummary!: string | null;

  /** The proposed next step, when mediation failed. */
  @Column('varchar', { name: 'next_step', length: 16, nullable: true })
  nextStep!: NextStep | null;

  /** The mediator in charge (承办调解员), one of the agency's own; counts towards their load. */
  @Index('referrals_mediator_status')
  @Column('uuid', { name: 'mediator_id', nullable: true })
  mediatorId!: string | null;

  @Column('timestamptz', { name: 'issued_at' })
  issuedAt!: Date;

  @Column('timestamptz', { name: 'received_at', default: () => 'now()' })
  receivedAt!: Date;

  @Column('timestamptz', { name: 'accepted_at', nullable: true })
  acceptedAt!: Date | null;

  @Column('varchar', { name: 'accepted_by_id', length: 64, nullable: true })
  acceptedById!: string | null;

  @Column('timestamptz', { name: 'started_at', nullable: true })
  startedAt!: Date | null;

  @Column('varchar', { name: 'started_by_id', length: 64, nullable: true })
  startedById!: string | null;

  /** The latest return (退单); kept as history when a ruling puts the referral back to issued. */
  @Column('varchar', { name: 'return_reason', length: 32, nullable: true })
  returnReason!: ReturnReason | null;

  @Column('text', { name: 'return_note', nullable: true })
  returnNote!: string | null;

  @Column('timestamptz', { name: 'returned_at', nullable: true })
  returnedAt!: Date | null;

  @Column('varchar', { name: 'returned_by_id', length: 64, nullable: true })
  returnedById!: string | null;

  /** The coordinator's ruling on the latest return; cleared when the agency returns it again. */
  @Column('varchar', { length: 16, nullable: true })
  ruling!: ReturnRuling | null;

  @Column('text', { name: 'ruling_note', nullable: true })
  rulingNote!: string | null;

  /**
   * When the latest ruling applied was made (dispatch's clock). Never cleared: a ruling made no
   * later than this one is a duplicate or stale and changes nothing.
   */
  @Column('timestamptz', { name: 'ruled_at', nullable: true })
  ruledAt!: Date | null;

  @Column('timestamptz', { name: 'transferred_at', nullable: true })
  transferredAt!: Date | null;

  @Column('uuid', { name: 'transferred_to_referral_id', nullable: true })
  transferredToReferralId!: string | null;

  @Column('uuid', { name: 'transferred_to_agency_id', nullable: true })
  transferredToAgencyId!: string | null;

  @Column('text', { name: 'transfer_reason', nullable: true })
  transferReason!: string | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @Column('varchar', { name: 'closed_by_id', length: 64, nullable: true })
  closedById!: string | null;

  @VersionColumn()
  version!: number;
}
