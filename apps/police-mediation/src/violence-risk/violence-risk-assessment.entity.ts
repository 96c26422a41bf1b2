import { Column, Entity, Index } from 'typeorm';
import type { RiskLevel, ViolenceRiskGrade } from '@fengqiao/contracts';
import { ReferralRecord } from '@fengqiao/agency-kit';

/** One 民转刑 risk assessment of a referral's dispute; a referral may be assessed again as it develops. */
@Entity({ name: 'violence_risk_assessments' })
@Index('violence_risk_assessments_referral', ['referralId', 'assessedAt'])
export class ViolenceRiskAssessment extends ReferralRecord {
  /** The checklist's factor codes that were found. */
  @Column('varchar', { array: true, length: 40 })
  factors!: string[];

  @Column('smallint')
  score!: number;

  @Column('varchar', { length: 8 })
  grade!: ViolenceRiskGrade;

  @Column('boolean', { name: 'violence_risk' })
  violenceRisk!: boolean;

  @Column('varchar', { name: 'raises_risk_to', length: 20, nullable: true })
  raisesRiskTo!: RiskLevel | null;

  @Column('text')
  note!: string;

  @Column('timestamptz', { name: 'assessed_at' })
  assessedAt!: Date;

  @Column('varchar', { name: 'assessed_by_id', length: 64 })
  assessedById!: string;

  @Column('varchar', { name: 'assessed_by_name', length: 100 })
  assessedByName!: string;
}
