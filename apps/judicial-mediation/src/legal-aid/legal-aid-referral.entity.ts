import { Column, Entity, Index, VersionColumn } from 'typeorm';
import { ReferralRecord } from '@fengqiao/agency-kit';
import type { LegalAidStatus, LegalAidPartyPosition } from '@fengqiao/contracts';

/**
 * 法律援助转介: a party of a referral the office handles, referred to the 法律援助中心, and the
 * centre's answer (agencyId: the judicial office). The contact phone is kept encrypted and
 * masked, like every party's.
 */
@Entity({ name: 'legal_aid_referrals' })
@Index('legal_aid_referrals_office_referred', ['agencyId', 'referredAt'])
@Index('legal_aid_referrals_referral', ['referralId'])
export class LegalAidReferral extends ReferralRecord {
  @Column('varchar', { name: 'case_number', length: 32 })
  caseNumber!: string;

  @Column('varchar', { name: 'party_name', length: 50 })
  partyName!: string;

  @Column('varchar', { name: 'party_position', length: 16, nullable: true })
  partyPosition!: LegalAidPartyPosition | null;

  @Column('text')
  reason!: string;

  @Column('boolean', { name: 'economic_hardship' })
  economicHardship!: boolean;

  @Column('varchar', { length: 200 })
  matter!: string;

  @Column('text', { name: 'contact_phone_encrypted', nullable: true })
  contactPhoneEncrypted!: string | null;

  @Column('varchar', { name: 'contact_phone_masked', length: 20, nullable: true })
  contactPhoneMasked!: string | null;

  @Column('varchar', { length: 16 })
  status!: LegalAidStatus;

  @Column('timestamptz', { name: 'referred_at' })
  referredAt!: Date;

  @Column('varchar', { name: 'referred_by_id', length: 64 })
  referredById!: string;

  @Column('text', { name: 'answer_note', nullable: true })
  answerNote!: string | null;

  @Column('timestamptz', { name: 'answered_at', nullable: true })
  answeredAt!: Date | null;

  @Column('varchar', { name: 'answered_by_id', length: 64, nullable: true })
  answeredById!: string | null;

  @VersionColumn()
  version!: number;
}
