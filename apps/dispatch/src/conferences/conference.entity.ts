import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryColumn } from 'typeorm';
import type { ConferenceStatus, ConferenceTaskStatus, LadderCode } from '@fengqiao/contracts';
import { Agency } from '../agencies/agency.entity';
import { Case } from '../cases/case.entity';

/**
 * 联席会议 (联席调, 五级联动's fifth level): departments meet on a case, record minutes and
 * dispatch a task to each department (派单制). 已安排 → 已召开 → 已办结 when every task has closed.
 */
@Entity({ name: 'conferences' })
@Index('conferences_case', ['caseId', 'scheduledAt'])
@Index('conferences_status_scheduled', ['status', 'scheduledFor'])
export class Conference {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @ManyToOne(() => Case, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: Case;

  /** The rung the case stood on when the conference was called. */
  @Column('varchar', { name: 'ladder_code', length: 24 })
  ladderCode!: LadderCode;

  @Column('smallint', { name: 'ladder_level' })
  ladderLevel!: number;

  @Column('varchar', { length: 12 })
  status!: ConferenceStatus;

  @Column('timestamptz', { name: 'scheduled_for' })
  scheduledFor!: Date;

  @Column('varchar', { length: 200 })
  place!: string;

  @Column('timestamptz', { name: 'scheduled_at' })
  scheduledAt!: Date;

  @Column('varchar', { name: 'scheduled_by_id', length: 64 })
  scheduledById!: string;

  @Column('varchar', { name: 'scheduled_by_name', length: 100 })
  scheduledByName!: string;

  /** 会议纪要. */
  @Column('text', { nullable: true })
  minutes!: string | null;

  @Column('timestamptz', { name: 'held_at', nullable: true })
  heldAt!: Date | null;

  @Column('varchar', { name: 'minutes_recorded_by_id', length: 64, nullable: true })
  minutesRecordedById!: string | null;

  @Column('varchar', { name: 'minutes_recorded_by_name', length: 100, nullable: true })
  minutesRecordedByName!: string | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @OneToMany(() => ConferenceParticipant, (p) => p.conference)
  participants?: ConferenceParticipant[];
}

/** A unit taking part in a conference; tasks go only to participants. */
@Entity({ name: 'conference_participants' })
@Index('conference_participants_unit', ['unitId'])
export class ConferenceParticipant {
  @PrimaryColumn('uuid', { name: 'conference_id' })
  conferenceId!: string;

  @PrimaryColumn('uuid', { name: 'unit_id' })
  unitId!: string;

  @ManyToOne(() => Conference, (c) => c.participants, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conference_id' })
  conference?: Conference;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Agency;

  @Column('smallint')
  position!: number;
}

/** 派单 from a conference to one participant unit; `caseId` is copied so case scope reads this table alone. */
@Entity({ name: 'conference_tasks' })
@Index('conference_tasks_conference', ['conferenceId', 'issuedAt'])
@Index('conference_tasks_unit_status', ['unitId', 'status', 'dueAt'])
@Index('conference_tasks_case_unit', ['caseId', 'unitId'])
export class ConferenceTask {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'conference_id' })
  conferenceId!: string;

  @ManyToOne(() => Conference, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conference_id' })
  conference?: Conference;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @ManyToOne(() => Case, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: Case;

  @Column('uuid', { name: 'unit_id' })
  unitId!: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Agency;

  @Column('text')
  description!: string;

  @Column('timestamptz', { name: 'due_at' })
  dueAt!: Date;

  @Column('varchar', { length: 8 })
  status!: ConferenceTaskStatus;

  @Column('timestamptz', { name: 'issued_at' })
  issuedAt!: Date;

  @Column('varchar', { name: 'issued_by_id', length: 64 })
  issuedById!: string;

  @Column('varchar', { name: 'issued_by_name', length: 100 })
  issuedByName!: string;

  @Column('text', { nullable: true })
  result!: string | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @Column('varchar', { name: 'closed_by_id', length: 64, nullable: true })
  closedById!: string | null;

  @Column('varchar', { name: 'closed_by_name', length: 100, nullable: true })
  closedByName!: string | null;
}
