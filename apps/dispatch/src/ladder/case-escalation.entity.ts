import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { LadderCode } from '@fengqiao/contracts';

/** One step up the ladder: who, why, from which level to which. Append-only. */
@Entity({ name: 'case_escalations' })
@Index('case_escalations_case', ['caseId', 'escalatedAt'])
export class CaseEscalation {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('varchar', { name: 'ladder_code', length: 24 })
  ladderCode!: LadderCode;

  @Column('smallint', { name: 'from_level' })
  fromLevel!: number;

  @Column('smallint', { name: 'to_level' })
  toLevel!: number;

  @Column('text')
  reason!: string;

  @Column('varchar', { name: 'escalated_by_id', length: 64 })
  escalatedById!: string;

  @Column('varchar', { name: 'escalated_by_name', length: 100 })
  escalatedByName!: string;

  @Column('timestamptz', { name: 'escalated_at' })
  escalatedAt!: Date;
}
