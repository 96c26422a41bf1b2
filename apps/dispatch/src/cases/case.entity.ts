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
import type { CaseStatus, IntakeChannel, LadderCode, RiskLevel } from '@fengqiao/contracts';
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

  /** 风险等级. */
  @Column('varchar', { name: 'risk_level', length: 20, default: 'general' })
  riskLevel!: RiskLevel;

  /** 民转刑 risk: police lists show these first. */
  @Column('boolean', { name: 'violence_risk', default: false })
  violenceRisk!: boolean;

  /** Where the dispute happened, as entered; `addressKey` is its normalised form for repeat detection. */
  @Column('varchar', { length: 300, nullable: true })
  address!: string | null;

  @Index('cases_address_key')
  @Column('varchar', { name: 'address_key', length: 300, nullable: true })
  addressKey!: string | null;

  /** 首接负责: who received the dispute owns it until a hand-over is accepted. */
  @Column('varchar', { name: 'first_owner_id', length: 64 })
  firstOwnerId!: string;

  @Column('varchar', { name: 'first_owner_name', length: 100 })
  firstOwnerName!: string;

  @Column('uuid', { name: 'first_owner_agency_id', nullable: true })
  firstOwnerAgencyId!: string | null;

  /** The agency whose accepted lead referral holds the case now; null while the first owner still does. */
  @Column('uuid', { name: 'owner_agency_id', nullable: true })
  ownerAgencyId!: string | null;

  /** The 调解阶梯 in force where the case was registered, the level it started at, is at, and closed at. */
  @Column('varchar', { name: 'ladder_code', length: 24 })
  ladderCode!: LadderCode;

  @Column('smallint', { name: 'start_level' })
  startLevel!: number;

  @Column('smallint', { name: 'ladder_level' })
  ladderLevel!: number;

  /** The next level a failed mediation proposed; cleared when the case escalates. */
  @Column('smallint', { name: 'proposed_level', nullable: true })
  proposedLevel!: number | null;

  @Column('smallint', { name: 'closed_level', nullable: true })
  closedLevel!: number | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  /** 重复件/反复矛盾: linked to earlier cases of the same party or address (see case_links). */
  @Column('boolean', { name: 'is_repeat', default: false })
  isRepeat!: boolean;

  /** 推诿扯皮: returned by agencies again and again. */
  @Column('boolean', { name: 'ping_pong', default: false })
  pingPong!: boolean;

  @Column('smallint', { name: 'return_count', default: 0 })
  returnCount!: number;

  /** 反弹重开: a follow-up found the settled dispute rebounded and it went back to the agency. */
  @Column('boolean', { default: false })
  rebound!: boolean;

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
