import { Column, Entity, Index } from 'typeorm';
import { RecordedReferralRecord } from '@fengqiao/agency-kit';

/**
 * 公益服务时长: time a lawyer gave to a referral on one day. Kept in half hours, so sums and the
 * 12-hours-a-day rule are exact integer arithmetic.
 */
@Entity({ name: 'pro_bono_hours' })
@Index('pro_bono_hours_agency_date', ['agencyId', 'workDate'])
@Index('pro_bono_hours_lawyer_date', ['lawyerId', 'workDate'])
@Index('pro_bono_hours_referral', ['referralId'])
export class ProBonoEntry extends RecordedReferralRecord {
  @Column('uuid', { name: 'lawyer_id' })
  lawyerId!: string;

  @Column('date', { name: 'work_date' })
  workDate!: string;

  @Column('smallint', { name: 'half_hours' })
  halfHours!: number;

  @Column('varchar', { length: 500 })
  activity!: string;
}
