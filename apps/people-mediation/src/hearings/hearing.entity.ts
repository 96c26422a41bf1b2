import { Column, Entity, Index, VersionColumn } from 'typeorm';
import { ReferralRecord } from '@fengqiao/agency-kit';
import type {
  HearingChairRole,
  HearingParticipantRole,
  HearingResult,
  HearingStatus,
} from '@fengqiao/contracts';

export interface StoredParticipant {
  name: string;
  role: HearingParticipantRole;
  /** The case party's position (0 = first), as sessions name it. */
  partyPosition?: number;
}

export interface StoredStatement {
  participantIndex: number;
  order: number;
  content: string;
}

/**
 * 听证调 on a referral: scheduled with its chair and participants, then recorded once as held with
 * the statements (each naming its speaker by their place in `participants`), the debate and the
 * finding. Its own record: not a mediation session of the kit, and not counted as one.
 */
@Entity({ name: 'hearings' })
@Index('hearings_referral_sequence', ['referralId', 'sequence'], { unique: true })
export class Hearing extends ReferralRecord {
  /** The 1st, 2nd … hearing on the referral. */
  @Column('smallint')
  sequence!: number;

  @Column('varchar', { length: 10 })
  status!: HearingStatus;

  @Column('timestamptz', { name: 'scheduled_for' })
  scheduledFor!: Date;

  @Column('varchar', { length: 200 })
  place!: string;

  @Column('varchar', { name: 'chair_name', length: 50 })
  chairName!: string;

  @Column('varchar', { name: 'chair_role', length: 24 })
  chairRole!: HearingChairRole;

  /** In the order given when scheduled; a statement's participantIndex points into it. */
  @Column('jsonb')
  participants!: StoredParticipant[];

  @Column('timestamptz', { name: 'scheduled_at' })
  scheduledAt!: Date;

  @Column('varchar', { name: 'scheduled_by_id', length: 64 })
  scheduledById!: string;

  @Column('timestamptz', { name: 'held_at', nullable: true })
  heldAt!: Date | null;

  @Column('jsonb', { nullable: true })
  statements!: StoredStatement[] | null;

  /** 辩论要点. */
  @Column('text', { nullable: true })
  debate!: string | null;

  /** 听证意见 / 结论. */
  @Column('text', { nullable: true })
  finding!: string | null;

  @Column('varchar', { length: 16, nullable: true })
  result!: HearingResult | null;

  // Not a RecordedReferralRecord: a hearing is recorded only once held, so these stay empty till then.
  @Column('timestamptz', { name: 'recorded_at', nullable: true })
  recordedAt!: Date | null;

  @Column('varchar', { name: 'recorded_by_id', length: 64, nullable: true })
  recordedById!: string | null;

  @VersionColumn()
  version!: number;
}
