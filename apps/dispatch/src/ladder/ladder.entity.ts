import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { AgencyKind, LadderCode, LadderMode, UnitKind } from '@fengqiao/contracts';
import { Jurisdiction } from '../agencies/jurisdiction.entity';

/** 调解阶梯: 五级联动, 天祝三级, 1+3+N. Data, seeded by a migration. */
@Entity({ name: 'ladders' })
export class Ladder {
  @PrimaryColumn('varchar', { length: 24 })
  code!: LadderCode;

  @Column('varchar', { name: 'name_zh', length: 100 })
  nameZh!: string;

  @Column('varchar', { length: 500 })
  description!: string;
}

/** One rung: what it is called, how it works (mode) and which kinds of unit mediate at it. */
@Entity({ name: 'ladder_levels' })
export class LadderLevel {
  @PrimaryColumn('varchar', { name: 'ladder_code', length: 24 })
  ladderCode!: LadderCode;

  @PrimaryColumn('smallint')
  level!: number;

  @Column('varchar', { name: 'name_zh', length: 100 })
  nameZh!: string;

  @Column('varchar', { length: 24 })
  mode!: LadderMode;

  @Column('varchar', { name: 'unit_kinds', array: true, length: 16 })
  unitKinds!: UnitKind[];
}

/** Which ladder a jurisdiction chose; a case follows the nearest policy at or above its jurisdiction. */
@Entity({ name: 'ladder_policies' })
export class LadderPolicy {
  @PrimaryColumn('varchar', { name: 'jurisdiction_code', length: 12 })
  jurisdictionCode!: string;

  @ManyToOne(() => Jurisdiction, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'jurisdiction_code' })
  jurisdiction?: Jurisdiction;

  @Column('varchar', { name: 'ladder_code', length: 24 })
  ladderCode!: LadderCode;

  @Column('timestamptz', { name: 'chosen_at' })
  chosenAt!: Date;

  @Column('varchar', { name: 'chosen_by_id', length: 64 })
  chosenById!: string;
}

/** Kinds of agency that take referrals at a level (departments are summoned, not referred). */
export const referralKindsAt = (level: LadderLevel): AgencyKind[] =>
  level.unitKinds.filter((k): k is AgencyKind => k !== 'department');
