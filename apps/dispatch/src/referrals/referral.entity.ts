import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type {
  AgencyKind,
  NextStep,
  ReferralOutcome,
  ReferralRole,
  ReferralStatus,
  ReturnReason,
  ReturnRuling,
} from '@fengqiao/contracts';
import { Agency } from '../agencies/agency.entity';
import { Case } from '../cases/case.entity';

/** 派单: one hand-over of a case to one agency. Dispatch's copy, updated from the agency's events. */
@Entity({ name: 'referrals' })
@Index('referrals_case', ['caseId', 'issuedAt'])
@Index('referrals_agency_open', ['agencyId'], { where: "status IN ('issued', 'accepted', 'in_progress')" })
@Index('referrals_agency_issued', ['agencyId', 'issuedAt', 'acceptedAt'])
@Index('referrals_awaiting_ruling', ['issuedAt'], { where: 'awaiting_ruling' })
export class Referral {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @ManyToOne(() => Case, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: Case;

  @Column('uuid', { name: 'agency_id' })
  agencyId!: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Agency;

  @Column('varchar', { name: 'agency_kind', length: 16 })
  agencyKind!: AgencyKind;

  /** 主办 or 协办. */
  @Column('varchar', { length: 8, default: 'lead' })
  role!: ReferralRole;

  @Column('varchar', { length: 16 })
  status!: ReferralStatus;

  /** The ladder level the case was at when this referral was issued. */
  @Column('smallint', { name: 'ladder_level', default: 1 })
  ladderLevel!: number;

  /** The matrix version it was dispatched under, and the coordinator's reason when outside it. */
  @Column('integer', { name: 'matrix_version', nullable: true })
  matrixVersion!: number | null;

  @Column('text', { name: 'matrix_override_reason', nullable: true })
  matrixOverrideReason!: string | null;

  @Column('text', { name: 'issue_note', nullable: true })
  issueNote!: string | null;

  @Column('varchar', { length: 16, nullable: true })
  outcome!: ReferralOutcome | null;

  @Column('text', { name: 'closing_note', nullable: true })
  closingNote!: string | null;

  @Column('text', { name: 'agreement_summary', nullable: true })
  agreementSummary!: string | null;

  @Column('varchar', { name: 'next_step', length: 16, nullable: true })
  nextStep!: NextStep | null;

  @Column('varchar', { name: 'return_reason', length: 32, nullable: true })
  returnReason!: ReturnReason | null;

  @Column('text', { name: 'return_note', nullable: true })
  returnNote!: string | null;

  @Column('timestamptz', { name: 'returned_at', nullable: true })
  returnedAt!: Date | null;

  /** A return the matrix contradicts waits for the coordinator's ruling (退单审核). */
  @Column('boolean', { name: 'awaiting_ruling', default: false })
  awaitingRuling!: boolean;

  @Column('varchar', { length: 12, nullable: true })
  ruling!: ReturnRuling | null;

  @Column('text', { name: 'ruling_note', nullable: true })
  rulingNote!: string | null;

  @Column('varchar', { name: 'ruled_by_id', length: 64, nullable: true })
  ruledById!: string | null;

  @Column('timestamptz', { name: 'ruled_at', nullable: true })
  ruledAt!: Date | null;

  /** 转办: the referral that took over from this one. */
  @Column('uuid', { name: 'transferred_to_id', nullable: true })
  transferredToId!: string | null;

  /** 反弹重开: the resolved referral whose follow-up found the dispute rebounded (same agency). */
  @Index('referrals_reopened_from', { where: 'reopened_from_referral_id IS NOT NULL' })
  @Column('uuid', { name: 'reopened_from_referral_id', nullable: true })
  reopenedFromReferralId!: string | null;

  @Column('timestamptz', { name: 'started_at', nullable: true })
  startedAt!: Date | null;

  @Column('timestamptz', { name: 'issued_at' })
  issuedAt!: Date;

  @Column('varchar', { name: 'issued_by_id', length: 64 })
  issuedById!: string;

  @Column('timestamptz', { name: 'accepted_at', nullable: true })
  acceptedAt!: Date | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;
}

/**
 * How far along its life a referral is. Agency events may arrive out of order after a redelivery:
 * a referral only ever moves forward. A return ruled against (overruled) is the one step back,
 * and it is taken by dispatch itself, not by an agency event.
 */
const RANK: Record<ReferralStatus, number> = {
  issued: 0,
  accepted: 1,
  in_progress: 2,
  returned: 3,
  transferred: 4,
  closed: 4,
};

export function movesForward(from: ReferralStatus, to: ReferralStatus): boolean {
  return RANK[to] > RANK[from];
}

/** The clocks a referral runs: 签收, 首次联系, 办结 (回访 follows a close). */
export const REFERRAL_CLOCKS = ['accept', 'first_contact', 'resolve'] as const;

/** Statuses in which the agency still holds the referral. */
export const OPEN_REFERRAL: readonly ReferralStatus[] = ['issued', 'accepted', 'in_progress'];

export const REFERRAL_STATUS_ZH: Record<ReferralStatus, string> = {
  issued: '已派单',
  accepted: '已签收',
  in_progress: '办理中',
  returned: '已退单',
  transferred: '已转办',
  closed: '已办结',
};
