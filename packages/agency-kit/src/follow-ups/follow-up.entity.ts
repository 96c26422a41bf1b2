import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, VersionColumn } from 'typeorm';
import type { FollowUpMethod, FollowUpStatus, SatisfactionLevel } from '@fengqiao/contracts';
import { InboxReferral } from '../inbox/inbox-referral.entity';
import { Mediator } from '../mediators/mediator.entity';

/**
 * 一事一回访: the one follow-up of a referral closed as resolved, scheduled when it was closed and
 * done once, by someone other than who closed it or had it in charge. The agency's list reads it
 * by status and due date.
 */
@Entity({ name: 'follow_ups' })
@Index('follow_ups_referral', ['referralId'], { unique: true })
@Index('follow_ups_agency_status_due', ['agencyId', 'status', 'scheduledFor'])
export class FollowUp {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'referral_id' })
  referralId!: string;

  @ManyToOne(() => InboxReferral, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'referral_id' })
  referral?: InboxReferral;

  @Column('uuid', { name: 'agency_id' })
  agencyId!: string;

  @Column('varchar', { length: 12 })
  status!: FollowUpStatus;

  /** 电话 / 上门: as planned, then as made. */
  @Column('varchar', { length: 8 })
  method!: FollowUpMethod;

  @Column('timestamptz', { name: 'scheduled_for' })
  scheduledFor!: Date;

  @Column('timestamptz', { name: 'scheduled_at' })
  scheduledAt!: Date;

  @Column('varchar', { name: 'scheduled_by_id', length: 64 })
  scheduledById!: string;

  /** Who is to make it, when someone in particular is. */
  @Column('uuid', { name: 'assignee_mediator_id', nullable: true })
  assigneeMediatorId!: string | null;

  @ManyToOne(() => Mediator, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assignee_mediator_id' })
  assignee?: Mediator | null;

  @Column('varchar', { length: 24, nullable: true })
  satisfaction!: SatisfactionLevel | null;

  /** 反弹: the dispute flared up again. */
  @Column('boolean', { nullable: true })
  rebound!: boolean | null;

  @Column('text', { nullable: true })
  note!: string | null;

  /** The parties reached, by their position in the case. */
  @Column('smallint', { name: 'contacted_party_positions', array: true, nullable: true })
  contactedPartyPositions!: number[] | null;

  @Column('timestamptz', { name: 'recorded_at', nullable: true })
  recordedAt!: Date | null;

  @Column('varchar', { name: 'recorded_by_id', length: 64, nullable: true })
  recordedById!: string | null;

  @Column('varchar', { name: 'recorded_by_name', length: 100, nullable: true })
  recordedByName!: string | null;

  @VersionColumn()
  version!: number;
}
