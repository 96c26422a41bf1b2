import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryColumn,
  VersionColumn,
} from 'typeorm';
import type { CaseStatus, IntakeChannel } from '@fengqiao/contracts';
import { Jurisdiction } from '../agencies/jurisdiction.entity';
import { CaseParty } from './case-party.entity';
import { DisputeType } from './dispute-type.entity';

/** 矛盾纠纷: one dispute, owned by dispatch from registration to its last referral. */
@Entity({ name: 'cases' })
@Index('cases_jurisdiction_registered', ['jurisdictionCode', 'registeredAt'])
@Index('cases_idempotency', ['registeredById', 'idempotencyKey'], {
  unique: true,
  where: 'idempotency_key IS NOT NULL',
})
export class Case {
  @PrimaryColumn('uuid')
  id!: string;

  /** Human number, e.g. 370781-2026-000001: district, year of registration, sequence. Never changes. */
  @Column('varchar', { name: 'case_number', length: 32, unique: true })
  caseNumber!: string;

  @Column('varchar', { length: 200 })
  title!: string;

  @Column('text')
  description!: string;

  @Column('varchar', { name: 'dispute_type', length: 40 })
  disputeType!: string;

  @ManyToOne(() => DisputeType, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'dispute_type' })
  disputeTypeRef?: DisputeType;

  @Column('varchar', { name: 'jurisdiction_code', length: 12 })
  jurisdictionCode!: string;

  @ManyToOne(() => Jurisdiction, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdiction_code' })
  jurisdiction?: Jurisdiction;

  @Column('varchar', { length: 20 })
  channel!: IntakeChannel;

  @Column('varchar', { name: 'incident_number', length: 40, nullable: true })
  incidentNumber!: string | null;

  @Index()
  @Column('varchar', { length: 20 })
  status!: CaseStatus;

  @Column('timestamptz', { name: 'registered_at' })
  registeredAt!: Date;

  @Column('varchar', { name: 'registered_by_id', length: 64 })
  registeredById!: string;

  @Column('varchar', { name: 'registered_by_name', length: 100 })
  registeredByName!: string;

  /** The caller's Idempotency-Key: a retried registration returns the case it already made. */
  @Column('varchar', { name: 'idempotency_key', length: 100, nullable: true })
  idempotencyKey!: string | null;

  @VersionColumn()
  version!: number;

  @OneToMany(() => CaseParty, (p) => p.case, { cascade: ['insert'] })
  parties?: CaseParty[];
}
