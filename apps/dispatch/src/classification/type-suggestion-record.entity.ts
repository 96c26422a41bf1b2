import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What the classifier suggested for a case and what the coordinator chose. Rows where they differ
 * are corrections: exported as new training data (`db.cli export-corrections`).
 */
@Entity({ name: 'type_suggestions' })
@Index('type_suggestions_corrected', ['corrected', 'recordedAt'])
export class TypeSuggestionRecord {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  seq!: string;

  @Index()
  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('text')
  text!: string;

  @Column('varchar', { name: 'suggested_type', length: 40 })
  suggestedType!: string;

  @Column('real')
  confidence!: number;

  @Column('varchar', { name: 'model_version', length: 40 })
  modelVersion!: string;

  @Column('varchar', { name: 'chosen_type', length: 40 })
  chosenType!: string;

  @Column('boolean')
  corrected!: boolean;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;

  @Column('varchar', { name: 'recorded_by_id', length: 64 })
  recordedById!: string;
}
