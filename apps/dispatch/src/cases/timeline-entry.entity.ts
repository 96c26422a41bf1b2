import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const TIMELINE_STEPS = [
  'case_registered',
  'referral_issued',
  'referral_accepted',
  'referral_closed',
] as const;
export type TimelineStep = (typeof TIMELINE_STEPS)[number];

/** One step in a case's life with who did it and when; append-only. */
@Entity({ name: 'case_timeline' })
@Index('case_timeline_case_at', ['caseId', 'at'])
export class TimelineEntry {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  seq!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('varchar', { length: 32 })
  step!: TimelineStep;

  @Column('varchar', { length: 500 })
  summary!: string;

  @Column('varchar', { name: 'actor_id', length: 64 })
  actorId!: string;

  @Column('varchar', { name: 'actor_name', length: 100 })
  actorName!: string;

  @Column('uuid', { name: 'agency_id', nullable: true })
  agencyId!: string | null;

  @Column('varchar', { name: 'agency_name', length: 200, nullable: true })
  agencyName!: string | null;

  @Column('uuid', { name: 'referral_id', nullable: true })
  referralId!: string | null;

  @Column('timestamptz')
  at!: Date;
}
