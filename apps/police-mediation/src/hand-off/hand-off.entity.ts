import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * 警调对接: a station asked for its referral to go to the stationed committee. Once per referral:
 * dispatch carries it out as a transfer, after which the referral is no longer the station's.
 */
@Entity({ name: 'hand_offs' })
@Index('hand_offs_referral', ['referralId'], { unique: true })
export class HandOff {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'referral_id' })
  referralId!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('uuid', { name: 'from_agency_id' })
  fromAgencyId!: string;

  @Column('uuid', { name: 'to_agency_id' })
  toAgencyId!: string;

  @Column('varchar', { name: 'to_agency_name', length: 200 })
  toAgencyName!: string;

  @Column('text')
  reason!: string;

  @Column('timestamptz', { name: 'requested_at' })
  requestedAt!: Date;

  @Column('varchar', { name: 'requested_by_id', length: 64 })
  requestedById!: string;

  @Column('varchar', { name: 'requested_by_name', length: 100 })
  requestedByName!: string;
}
