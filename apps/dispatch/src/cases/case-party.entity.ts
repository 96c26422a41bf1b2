import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Case } from './case.entity';

/** 当事人. Identity and phone numbers arrive with the identity issue, encrypted. */
@Entity({ name: 'case_parties' })
export class CaseParty {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId!: string;

  @ManyToOne('Case', 'parties', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: Case;

  @PrimaryColumn('smallint')
  position!: number;

  @Column('varchar', { length: 16 })
  kind!: string;

  @Column('varchar', { length: 16 })
  role!: string;

  @Column('varchar', { length: 100 })
  name!: string;
}
