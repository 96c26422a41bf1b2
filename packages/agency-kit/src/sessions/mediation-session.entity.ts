import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { MediationSessionParticipant, SessionResult } from '@fengqiao/contracts';
import { InboxReferral } from '../inbox/inbox-referral.entity';

/**
 * 调解记录: one mediation session on a referral, numbered 1, 2 … per referral. The mediators are
 * kept with their names as they were that day (the record does not change when the roster does).
 * The ledger reads sessions by agency and date.
 */
@Entity({ name: 'mediation_sessions' })
@Index('mediation_sessions_referral_sequence', ['referralId', 'sequence'], { unique: true })
@Index('mediation_sessions_agency_held', ['agencyId', 'heldAt'])
export class MediationSession {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'referral_id' })
  referralId!: string;

  @ManyToOne(() => InboxReferral, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'referral_id' })
  referral?: InboxReferral;

  @Column('uuid', { name: 'agency_id' })
  agencyId!: string;

  /** 第几次调解. */
  @Column('smallint')
  sequence!: number;

  @Column('timestamptz', { name: 'held_at' })
  heldAt!: Date;

  @Column('varchar', { length: 200 })
  place!: string;

  /** The agency's mediators who held it: [{ id, name }]. */
  @Column('jsonb')
  mediators!: { id: string; name: string }[];

  /** Parties, agents, relatives, witnesses: [{ name, role, partyPosition? }]. */
  @Column('jsonb')
  participants!: MediationSessionParticipant[];

  /** What was said (调解经过). */
  @Column('text')
  summary!: string;

  @Column('varchar', { length: 16 })
  result!: SessionResult;

  @Column('timestamptz', { name: 'next_session_at', nullable: true })
  nextSessionAt!: Date | null;

  @Column('varchar', { name: 'recorded_by_id', length: 64 })
  recordedById!: string;

  @Column('varchar', { name: 'recorded_by_name', length: 100 })
  recordedByName!: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
