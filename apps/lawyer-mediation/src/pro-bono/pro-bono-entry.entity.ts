import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * 公益服务时长: time a lawyer gave to a referral on one day. Kept in half hours, so sums and the
 * 12-hours-a-day rule are exact integer arithmetic.
 */
@Entity({ name: 'pro_bono_hours' })
@Index('pro_bono_hours_agency_date', ['agencyId', 'workDate'])
@Index('pro_bono_hours_lawyer_date', ['lawyerId', 'workDate'])
export class ProBonoEntry {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'agency_id' })
  agencyId!: string;

  @Column('uuid', { name: 'lawyer_id' })
  lawyerId!: string;

  @Index('pro_bono_hours_referral')
  @Column('uuid', { name: 'referral_id' })
  referralId!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('date', { name: 'work_date' })
  workDate!: string;

  @Column('smallint', { name: 'half_hours' })
  halfHours!: number;

  @Column('varchar', { length: 500 })
  activity!: string;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;

  @Column('varchar', { name: 'recorded_by_id', length: 64 })
  recordedById!: string;

  @Column('varchar', { name: 'recorded_by_name', length: 100 })
  recordedByName!: string;
}
