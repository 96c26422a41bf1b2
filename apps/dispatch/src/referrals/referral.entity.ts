import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { AgencyKind, ReferralOutcome, ReferralStatus } from '@fengqiao/contracts';
import { Agency } from '../agencies/agency.entity';
import { Case } from '../cases/case.entity';

/** 派单: one hand-over of a case to one agency. Dispatch's copy, updated from the agency's events. */
@Entity({ name: 'referrals' })
@Index('referrals_case', ['caseId', 'issuedAt'])
export class Referral {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @ManyToOne(() => Case, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: Case;

  @Index()
  @Column('uuid', { name: 'agency_id' })
  agencyId!: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Agency;

  @Column('varchar', { name: 'agency_kind', length: 16 })
  agencyKind!: AgencyKind;

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

  @Column('varchar', { name: 'issued_by_id', length: 64 })
  issuedById!: string;

  @Column('timestamptz', { name: 'accepted_at', nullable: true })
  acceptedAt!: Date | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;
}

const RANK: Record<ReferralStatus, number> = { issued: 0, accepted: 1, closed: 2 };

/** Agency events may arrive out of order after a redelivery: a referral only ever moves forward. */
export function movesForward(from: ReferralStatus, to: ReferralStatus): boolean {
  return RANK[to] > RANK[from];
}
