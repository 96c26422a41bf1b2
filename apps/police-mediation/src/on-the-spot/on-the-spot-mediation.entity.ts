import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import type { OnTheSpotChannel, OnTheSpotOutcome, OnTheSpotStatus, RiskLevel } from '@fengqiao/contracts';

/**
 * 当场调处: a dispute a station's officer or 警务助理 handled where it happened. Written first as
 * `registering`, then `registered` once dispatch has registered its case (the record's id is the
 * idempotency key there, so a retry finds the same case). Who recorded it is kept whole because a
 * retry by anyone registers the case as that same person.
 */
@Entity({ name: 'on_the_spot_mediations' })
@Index('on_the_spot_agency_occurred', ['agencyId', 'occurredAt', 'id'])
@Index('on_the_spot_agency_incident', ['agencyId', 'incidentNumber'])
@Index('on_the_spot_agency_idempotency_key', ['agencyId', 'idempotencyKey'], {
  unique: true,
  where: 'idempotency_key IS NOT NULL',
})
export class OnTheSpotMediation {
  @PrimaryColumn('uuid')
  id!: string;

  /** The station (派出所 or 警务室). */
  @Column('uuid', { name: 'agency_id' })
  agencyId!: string;

  /** The caller's Idempotency-Key, when it sent one: a retry with it resumes this record. */
  @Column('varchar', { name: 'idempotency_key', length: 100, nullable: true })
  idempotencyKey!: string | null;

  @Column('varchar', { length: 16 })
  status!: OnTheSpotStatus;

  @Column('uuid', { name: 'case_id', nullable: true })
  caseId!: string | null;

  @Column('varchar', { name: 'case_number', length: 32, nullable: true })
  caseNumber!: string | null;

  /** 110 警情编号, normalised (upper case). */
  @Column('varchar', { name: 'incident_number', length: 40, nullable: true })
  incidentNumber!: string | null;

  @Column('varchar', { length: 16 })
  channel!: OnTheSpotChannel;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt!: Date;

  @Column('varchar', { length: 300 })
  place!: string;

  @Column('varchar', { name: 'jurisdiction_code', length: 12 })
  jurisdictionCode!: string;

  @Column('varchar', { name: 'dispute_type', length: 40 })
  disputeType!: string;

  @Column('varchar', { length: 200 })
  title!: string;

  @Column('text')
  summary!: string;

  @Column('varchar', { name: 'risk_level', length: 20 })
  riskLevel!: RiskLevel;

  @Column('boolean', { name: 'violence_risk' })
  violenceRisk!: boolean;

  @Column('varchar', { length: 16 })
  outcome!: OnTheSpotOutcome;

  @Column('text', { name: 'agreement_summary', nullable: true })
  agreementSummary!: string | null;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;

  @Column('varchar', { name: 'recorded_by_id', length: 64 })
  recordedById!: string;

  @Column('varchar', { name: 'recorded_by_name', length: 100 })
  recordedByName!: string;

  @Column('varchar', { name: 'recorded_by_role', length: 32 })
  recordedByRole!: string;

  @Column('timestamptz', { name: 'registered_at', nullable: true })
  registeredAt!: Date | null;

  @VersionColumn()
  version!: number;
}
