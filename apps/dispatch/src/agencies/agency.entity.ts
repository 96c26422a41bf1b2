import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { AgencyKind } from '@fengqiao/contracts';
import { Jurisdiction } from './jurisdiction.entity';

/** A unit that takes referrals: 派出所, 司法所, 人民调解委员会, 律师调解工作室. */
@Entity({ name: 'agencies' })
export class Agency {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('varchar', { length: 200 })
  name!: string;

  @Index()
  @Column('varchar', { length: 16 })
  kind!: AgencyKind;

  @Index()
  @Column('varchar', { name: 'jurisdiction_code', length: 12 })
  jurisdictionCode!: string;

  @ManyToOne(() => Jurisdiction, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdiction_code' })
  jurisdiction?: Jurisdiction;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
