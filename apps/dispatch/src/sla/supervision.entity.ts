import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { SlaBreachAction, SupervisionStatus } from '@fengqiao/contracts';

/** 督办单: a breach on record for the coordinator and leadership, open until someone says what was done. */
@Entity({ name: 'supervisions' })
@Index('supervisions_open', ['openedAt'], { where: "status = 'open'" })
@Index('supervisions_case', ['caseId'])
export class Supervision {
  @PrimaryColumn('uuid')
  id!: string;

  /** One per breached clock: the engine fires a breach once, and this makes sure of it. */
  @Column('uuid', { name: 'clock_id', unique: true })
  clockId!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('uuid', { name: 'agency_id' })
  agencyId!: string;

  @Column('varchar', { length: 8 })
  status!: SupervisionStatus;

  @Column('varchar', { length: 500 })
  reason!: string;

  @Column('varchar', { array: true, length: 16 })
  actions!: SlaBreachAction[];

  /** The rung the breach proposed (escalate), which the coordinator confirms by escalating. */
  @Column('smallint', { name: 'proposed_level', nullable: true })
  proposedLevel!: number | null;

  /** The referral the case was reassigned to (reassign), once that is done. */
  @Column('uuid', { name: 'reassigned_to_referral_id', nullable: true })
  reassignedToReferralId!: string | null;

  @Column('timestamptz', { name: 'opened_at' })
  openedAt!: Date;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @Column('varchar', { name: 'closed_by_name', length: 100, nullable: true })
  closedByName!: string | null;

  @Column('text', { name: 'closing_note', nullable: true })
  closingNote!: string | null;
}
