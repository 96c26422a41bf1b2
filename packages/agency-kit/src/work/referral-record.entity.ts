import { Column, PrimaryColumn } from 'typeorm';

/**
 * What every record of an agency's work on a referral starts with (a hearing, an assessment, a
 * hand-off, a lawyer's choice …): its own id and the referral, case and agency it belongs to.
 * Entities extend it; TypeORM maps the inherited columns into each one's own table.
 */
export abstract class ReferralRecord {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'referral_id' })
  referralId!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('uuid', { name: 'agency_id' })
  agencyId!: string;
}

/** A referral record that someone entered: when and by whom (the signed actor). */
export abstract class RecordedReferralRecord extends ReferralRecord {
  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;

  @Column('varchar', { name: 'recorded_by_id', length: 64 })
  recordedById!: string;

  @Column('varchar', { name: 'recorded_by_name', length: 100 })
  recordedByName!: string;
}
