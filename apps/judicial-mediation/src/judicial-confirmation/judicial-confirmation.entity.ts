import { Column, Entity, Index, VersionColumn } from 'typeorm';
import { ReferralRecord } from '@fengqiao/agency-kit';
import type { JudicialConfirmationResult, JudicialConfirmationStatus } from '@fengqiao/contracts';

/** An applicant as the 申请书 names them (the ID number only masked here; the PDF has it whole). */
export interface ApplicantSnapshot {
  position: number;
  name: string;
  role: string;
  idNumberMasked?: string;
}

/**
 * 司法确认: the application to a court to confirm one signed agreement of the office's referral,
 * from the 申请书 (kept, encrypted, as a kit document) through filing (立案) to the court's ruling.
 * At most one open (prepared or filed) application per agreement: the partial unique index says so
 * even to two clerks racing. Its agencyId is the judicial office's.
 */
@Entity({ name: 'judicial_confirmations' })
@Index('judicial_confirmations_open_per_agreement', ['agreementId'], {
  unique: true,
  where: `status IN ('prepared', 'filed')`,
})
@Index('judicial_confirmations_office_prepared', ['agencyId', 'preparedAt'])
@Index('judicial_confirmations_referral', ['referralId', 'preparedAt'])
export class JudicialConfirmation extends ReferralRecord {
  @Column('varchar', { name: 'case_number', length: 32 })
  caseNumber!: string;

  @Column('uuid', { name: 'agreement_id' })
  agreementId!: string;

  @Column('varchar', { name: 'agreement_number', length: 60 })
  agreementNumber!: string;

  /** When the agreement took effect: the 30 days run from it. */
  @Column('timestamptz', { name: 'agreement_signed_at' })
  agreementSignedAt!: Date;

  /** The last day to file (Beijing). */
  @Column('date')
  deadline!: string;

  @Column('varchar', { length: 100 })
  court!: string;

  @Column('jsonb')
  applicants!: ApplicantSnapshot[];

  @Column('text', { nullable: true })
  note!: string | null;

  @Column('varchar', { length: 16 })
  status!: JudicialConfirmationStatus;

  /** The 申请书 PDF (the kit's kept documents), with its hash and size for the view. */
  @Column('uuid', { name: 'document_id' })
  documentId!: string;

  @Column('char', { name: 'application_sha256', length: 64 })
  applicationSha256!: string;

  @Column('integer', { name: 'application_bytes' })
  applicationBytes!: number;

  @Column('timestamptz', { name: 'prepared_at' })
  preparedAt!: Date;

  @Column('varchar', { name: 'prepared_by_id', length: 64 })
  preparedById!: string;

  @Column('timestamptz', { name: 'filed_at', nullable: true })
  filedAt!: Date | null;

  @Column('varchar', { name: 'court_case_number', length: 60, nullable: true })
  courtCaseNumber!: string | null;

  @Column('varchar', { name: 'filed_recorded_by_id', length: 64, nullable: true })
  filedRecordedById!: string | null;

  @Column('varchar', { length: 16, nullable: true })
  result!: JudicialConfirmationResult | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  @Column('varchar', { name: 'ruling_number', length: 80, nullable: true })
  rulingNumber!: string | null;

  /** Why the court rejected it. */
  @Column('text', { nullable: true })
  reason!: string | null;

  @Column('varchar', { name: 'decided_recorded_by_id', length: 64, nullable: true })
  decidedRecordedById!: string | null;

  @VersionColumn()
  version!: number;
}
