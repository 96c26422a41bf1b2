import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryColumn,
  VersionColumn,
} from 'typeorm';
import type { InspectionRating } from '@fengqiao/contracts';

/** 指导监督: one inspection of a people's mediation committee by the judicial office of its area. */
@Entity({ name: 'committee_inspections' })
@Index('committee_inspections_office_inspected', ['agencyId', 'inspectedAt'])
@Index('committee_inspections_committee', ['committeeAgencyId', 'inspectedAt'])
export class CommitteeInspection {
  @PrimaryColumn('uuid')
  id!: string;

  /** The judicial office that inspected. */
  @Column('uuid', { name: 'agency_id' })
  agencyId!: string;

  @Column('uuid', { name: 'committee_agency_id' })
  committeeAgencyId!: string;

  /** As dispatch named it at the time. */
  @Column('varchar', { name: 'committee_name', length: 200 })
  committeeName!: string;

  @Column('timestamptz', { name: 'inspected_at' })
  inspectedAt!: Date;

  @Column('text')
  findings!: string;

  @Column('varchar', { length: 20 })
  rating!: InspectionRating;

  @Column('varchar', { name: 'recorded_by_id', length: 64 })
  recordedById!: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @VersionColumn()
  version!: number;

  @OneToMany(() => Rectification, (r) => r.inspection, { cascade: ['insert'] })
  rectifications?: Rectification[];
}

/** 整改事项: what the committee must put right, by when, and when it was done. */
@Entity({ name: 'committee_rectifications' })
export class Rectification {
  @PrimaryColumn('uuid', { name: 'inspection_id' })
  inspectionId!: string;

  /** Its number in the inspection, from 1. */
  @PrimaryColumn('smallint')
  n!: number;

  @ManyToOne(() => CommitteeInspection, (i) => i.rectifications, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inspection_id' })
  inspection?: CommitteeInspection;

  @Column('text')
  item!: string;

  @Column('date', { name: 'due_by' })
  dueBy!: string;

  @Column('timestamptz', { name: 'done_at', nullable: true })
  doneAt!: Date | null;

  @Column('text', { name: 'done_note', nullable: true })
  doneNote!: string | null;

  @Column('varchar', { name: 'done_by_id', length: 64, nullable: true })
  doneById!: string | null;
}
