import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ReferralOutcome, SatisfactionLevel } from '@fengqiao/contracts';

/**
 * The work of one people's mediation committee as its events report it (accepted, closed,
 * followed up): the figures 指导监督 reads. Built from AGENCY_EVENTS, never from people-mediation's
 * tables; a counter moves only when the fact below it is new, so no copy of an event counts twice.
 */
@Entity({ name: 'committee_work' })
export class CommitteeWork {
  @PrimaryColumn('uuid', { name: 'committee_agency_id' })
  committeeAgencyId!: string;

  @Column('integer', { default: 0 })
  accepted!: number;

  @Column('integer', { default: 0 })
  closed!: number;

  @Column('integer', { default: 0 })
  resolved!: number;

  @Column('integer', { default: 0 })
  failed!: number;

  @Column('integer', { name: 'follow_ups', default: 0 })
  followUps!: number;

  @Column('integer', { default: 0 })
  dissatisfied!: number;

  @Column('integer', { default: 0 })
  rebounds!: number;

  /** The latest time any of its events reports (签收, 办结, 回访). */
  @Column('timestamptz', { name: 'last_activity_at', nullable: true })
  lastActivityAt!: Date | null;
}

/** One committee referral as far as the counters know it: accepted once, closed once. */
@Entity({ name: 'committee_referrals' })
@Index('committee_referrals_committee', ['committeeAgencyId'])
export class CommitteeReferral {
  @PrimaryColumn('uuid', { name: 'referral_id' })
  referralId!: string;

  @Column('uuid', { name: 'committee_agency_id' })
  committeeAgencyId!: string;

  @Column('timestamptz', { name: 'accepted_at', nullable: true })
  acceptedAt!: Date | null;

  @Column('varchar', { length: 16, nullable: true })
  outcome!: ReferralOutcome | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;
}

/** One follow-up (回访) of a committee's referral, counted once. */
@Entity({ name: 'committee_follow_ups' })
@Index('committee_follow_ups_committee', ['committeeAgencyId'])
export class CommitteeFollowUp {
  @PrimaryColumn('uuid', { name: 'follow_up_id' })
  followUpId!: string;

  @Column('uuid', { name: 'committee_agency_id' })
  committeeAgencyId!: string;

  @Column('uuid', { name: 'referral_id' })
  referralId!: string;

  @Column('varchar', { length: 24 })
  satisfaction!: SatisfactionLevel;

  @Column('boolean')
  rebound!: boolean;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;
}
