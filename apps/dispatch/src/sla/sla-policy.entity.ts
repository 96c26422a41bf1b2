import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn, Index } from 'typeorm';
import type { AgencyKind, SlaBreachAction, SlaUnit, SlaUrgency } from '@fengqiao/contracts';

/** One published version of the SLA policy. Versions are never edited; a clock keeps its own. */
@Entity({ name: 'sla_policy_versions' })
export class SlaPolicyVersion {
  @PrimaryColumn('integer')
  version!: number;

  @Column('text')
  note!: string;

  @Column('timestamptz', { name: 'published_at' })
  publishedAt!: Date;

  @Column('varchar', { name: 'published_by_id', length: 64 })
  publishedById!: string;

  @Column('varchar', { name: 'published_by_name', length: 100 })
  publishedByName!: string;
}

/** dispute type (or any) × urgency × agency kind (or any) → the targets, thresholds and breach actions. */
@Entity({ name: 'sla_policy_rules' })
@Index('sla_policy_rules_key', ['version', 'urgency', 'disputeType', 'agencyKind'], { unique: true })
export class SlaPolicyRule {
  @PrimaryGeneratedColumn('increment')
  id!: number;

  @Column('integer')
  version!: number;

  /** '' for any type (so the unique key also holds for the catch-all row). */
  @Column('varchar', { name: 'dispute_type', length: 40, default: '' })
  disputeType!: string;

  @Column('varchar', { length: 8 })
  urgency!: SlaUrgency;

  /** '' for any kind. */
  @Column('varchar', { name: 'agency_kind', length: 16, default: '' })
  agencyKind!: AgencyKind | '';

  @Column('integer', { name: 'accept_amount' })
  acceptAmount!: number;

  @Column('varchar', { name: 'accept_unit', length: 16 })
  acceptUnit!: SlaUnit;

  @Column('integer', { name: 'first_contact_amount' })
  firstContactAmount!: number;

  @Column('varchar', { name: 'first_contact_unit', length: 16 })
  firstContactUnit!: SlaUnit;

  @Column('integer', { name: 'resolve_amount' })
  resolveAmount!: number;

  @Column('varchar', { name: 'resolve_unit', length: 16 })
  resolveUnit!: SlaUnit;

  @Column('integer', { name: 'follow_up_amount' })
  followUpAmount!: number;

  @Column('varchar', { name: 'follow_up_unit', length: 16 })
  followUpUnit!: SlaUnit;

  @Column('smallint', { array: true })
  thresholds!: number[];

  @Column('varchar', { name: 'breach_actions', array: true, length: 16 })
  breachActions!: SlaBreachAction[];
}
