import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryColumn } from 'typeorm';
import type { SummonsStatus, WhistleStatus, WhistleUrgency } from '@fengqiao/contracts';
import { Agency } from '../agencies/agency.entity';
import { Case } from '../cases/case.entity';

/** 吹哨: a unit calls other units to a case; each summoned unit must 报到 by `respondBy`, then support. */
@Entity({ name: 'whistles' })
@Index('whistles_case', ['caseId', 'blownAt'])
@Index('whistles_status_blown', ['status', 'blownAt'])
export class Whistle {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @ManyToOne(() => Case, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: Case;

  @Column('varchar', { length: 8 })
  urgency!: WhistleUrgency;

  @Column('text')
  reason!: string;

  @Column('varchar', { length: 8 })
  status!: WhistleStatus;

  @Column('varchar', { name: 'raised_by_id', length: 64 })
  raisedById!: string;

  @Column('varchar', { name: 'raised_by_name', length: 100 })
  raisedByName!: string;

  @Column('varchar', { name: 'raised_by_role', length: 32 })
  raisedByRole!: string;

  /** The raiser's unit when an agency's staff raised it; it may not summon itself. */
  @Index('whistles_raised_by_unit', { where: 'raised_by_unit_id IS NOT NULL' })
  @Column('uuid', { name: 'raised_by_unit_id', nullable: true })
  raisedByUnitId!: string | null;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'raised_by_unit_id' })
  raisedByUnit?: Agency | null;

  @Column('timestamptz', { name: 'blown_at' })
  blownAt!: Date;

  /** 报到 deadline: blownAt plus 30 minutes (urgent) or 24 hours (normal), wall-clock, from config. */
  @Column('timestamptz', { name: 'respond_by' })
  respondBy!: Date;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @Column('varchar', { name: 'closed_by_id', length: 64, nullable: true })
  closedById!: string | null;

  @Column('varchar', { name: 'closed_by_name', length: 100, nullable: true })
  closedByName!: string | null;

  @Column('text', { name: 'closing_note', nullable: true })
  closingNote!: string | null;

  @OneToMany(() => WhistleSummons, (s) => s.whistle)
  summons?: WhistleSummons[];
}

/**
 * One unit summoned by a whistle: 已召集 → 已报到 → 已支援. Keeps the unit's response time, so
 * response rates per unit are a query over these rows. `caseId` and `respondBy` are copied from
 * the whistle so case scope and the 督办 list read this table alone.
 */
@Entity({ name: 'whistle_summons' })
@Index('whistle_summons_unit_case', ['unitId', 'caseId'])
@Index('whistle_summons_unanswered', ['respondBy'], { where: "status = 'summoned'" })
export class WhistleSummons {
  @PrimaryColumn('uuid', { name: 'whistle_id' })
  whistleId!: string;

  @PrimaryColumn('uuid', { name: 'unit_id' })
  unitId!: string;

  @ManyToOne(() => Whistle, (w) => w.summons, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'whistle_id' })
  whistle?: Whistle;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Agency;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @ManyToOne(() => Case, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'case_id' })
  case?: Case;

  /** Order in which the raiser listed the units. */
  @Column('smallint')
  position!: number;

  @Column('varchar', { length: 12 })
  status!: SummonsStatus;

  @Column('timestamptz', { name: 'respond_by' })
  respondBy!: Date;

  @Column('timestamptz', { name: 'responded_at', nullable: true })
  respondedAt!: Date | null;

  @Column('varchar', { name: 'responded_by_id', length: 64, nullable: true })
  respondedById!: string | null;

  @Column('varchar', { name: 'responded_by_name', length: 100, nullable: true })
  respondedByName!: string | null;

  /** Seconds from the whistle to the 报到. */
  @Column('integer', { name: 'response_seconds', nullable: true })
  responseSeconds!: number | null;

  /** Checked in after `respondBy`. */
  @Column('boolean', { nullable: true })
  late!: boolean | null;

  @Column('text', { name: 'response_note', nullable: true })
  responseNote!: string | null;

  @Column('text', { name: 'support_report', nullable: true })
  supportReport!: string | null;

  @Column('timestamptz', { name: 'supported_at', nullable: true })
  supportedAt!: Date | null;

  @Column('varchar', { name: 'supported_by_id', length: 64, nullable: true })
  supportedById!: string | null;

  @Column('varchar', { name: 'supported_by_name', length: 100, nullable: true })
  supportedByName!: string | null;
}
