import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { RiskLevel } from '@fengqiao/contracts';
import { Jurisdiction } from '../agencies/jurisdiction.entity';

/**
 * Whether a jurisdiction lets the hub dispatch clear cases by itself, and what counts as clear.
 * The nearest policy at or above a case's jurisdiction applies; none means never automatic.
 */
@Entity({ name: 'dispatch_policies' })
export class DispatchPolicy {
  @PrimaryColumn('varchar', { name: 'jurisdiction_code', length: 12 })
  jurisdictionCode!: string;

  @ManyToOne(() => Jurisdiction, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'jurisdiction_code' })
  jurisdiction?: Jurisdiction;

  @Column('boolean', { name: 'auto_dispatch' })
  autoDispatch!: boolean;

  /** Cases above this risk always wait for a coordinator. */
  @Column('varchar', { name: 'max_risk_level', length: 20 })
  maxRiskLevel!: RiskLevel;

  /** The classifier must agree with the registered type at least this sure (0..1). */
  @Column('real', { name: 'min_confidence' })
  minConfidence!: number;

  /** The best proposal must lead the runner-up by at least this score (0..1). */
  @Column('real', { name: 'min_margin' })
  minMargin!: number;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  @Column('varchar', { name: 'updated_by_id', length: 64 })
  updatedById!: string;
}
