import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { UnitKind } from '@fengqiao/contracts';
import { Jurisdiction } from './jurisdiction.entity';

/**
 * A unit: the mediation agencies that take referrals (派出所, 司法所, 人民调解委员会, 律师调解工作室)
 * and the departments summoned by whistles and joint conferences (自然资源所, 民政办, 法庭 …).
 */
@Entity({ name: 'agencies' })
export class Agency {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('varchar', { length: 200 })
  name!: string;

  @Index()
  @Column('varchar', { length: 16 })
  kind!: UnitKind;

  @Index()
  @Column('varchar', { name: 'jurisdiction_code', length: 12 })
  jurisdictionCode!: string;

  @ManyToOne(() => Jurisdiction, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdiction_code' })
  jurisdiction?: Jurisdiction;

  /** Open referrals it can carry at once; routing weighs current load against it. */
  @Column('integer', { default: 50 })
  capacity!: number;

  /** Dispute types a specialised committee takes (医调委: medical); empty for a general agency. */
  @Column('varchar', { array: true, length: 40, default: () => "'{}'" })
  specialties!: string[];

  /** On the published list parties choose from (律师名录 for 律师介入调). */
  @Column('boolean', { default: false })
  published!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
