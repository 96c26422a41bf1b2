import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A 110 警情 and the one case it belongs to. The number is the key, so it can never point at two
 * cases. An on-the-spot record claims its number when it is written (case_id still empty) and
 * fills in the case once dispatch has registered it; a referral's station links one to the
 * referral's case.
 */
@Entity({ name: 'incident_links' })
@Index('incident_links_case', ['caseId'])
export class IncidentLink {
  @PrimaryColumn('varchar', { name: 'incident_number', length: 40 })
  incidentNumber!: string;

  /** Empty only while the on-the-spot record that claimed the number is registering its case. */
  @Column('uuid', { name: 'case_id', nullable: true })
  caseId!: string | null;

  @Column('uuid', { name: 'agency_id' })
  agencyId!: string;

  @Column('uuid', { name: 'referral_id', nullable: true })
  referralId!: string | null;

  @Column('uuid', { name: 'on_the_spot_record_id', nullable: true })
  onTheSpotRecordId!: string | null;

  /** 接警时间. */
  @Column('timestamptz', { name: 'received_at' })
  receivedAt!: Date;

  @Column('timestamptz', { name: 'linked_at' })
  linkedAt!: Date;

  @Column('varchar', { name: 'linked_by_id', length: 64 })
  linkedById!: string;

  @Column('varchar', { name: 'linked_by_name', length: 100 })
  linkedByName!: string;
}
