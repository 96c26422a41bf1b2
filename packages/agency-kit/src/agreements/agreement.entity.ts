import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { AgreementPartyRole, AgreementStatus, PerformanceStatus } from '@fengqiao/contracts';

/**
 * 调解协议书 of one referral (at most one). Drafted while the referral is in hand, re-drafted until
 * signed; signing renders the PDF and keeps it (documents/KeptDocument). Its number,
 * （年）<字号>调字第NNN号, is taken once, at the first draft, from the agency's counter of the year.
 */
@Entity({ name: 'agreements' })
@Index('agreements_referral', ['referralId'], { unique: true })
@Index('agreements_agency_number', ['agencyId', 'number'], { unique: true })
@Index('agreements_agency_status_signed', ['agencyId', 'status', 'signedAt'])
export class Agreement {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'referral_id' })
  referralId!: string;

  @Column('uuid', { name: 'agency_id' })
  agencyId!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  /** （2026）黄楼人调字第001号. */
  @Column('varchar', { length: 60 })
  number!: string;

  /** The Beijing year and place in it the number was taken from (agreement_counters). */
  @Column('smallint')
  year!: number;

  @Column('integer')
  sequence!: number;

  @Column('varchar', { length: 8 })
  status!: AgreementStatus;

  /** The agency as the document names it at its seal (调解委员会（盖章）). */
  @Column('varchar', { name: 'issuer_name', length: 200 })
  issuerName!: string;

  /** 纠纷主要事实、争议事项. */
  @Column('text')
  facts!: string;

  /** 履行期限. */
  @Column('varchar', { name: 'performance_time', length: 200 })
  performanceTime!: string;

  /** 履行方式. */
  @Column('varchar', { name: 'performance_method', length: 500 })
  performanceMethod!: string;

  @Column('varchar', { name: 'mediator_names', array: true, length: 50 })
  mediatorNames!: string[];

  @Column('text', { name: 'other_matters', nullable: true })
  otherMatters!: string | null;

  @CreateDateColumn({ name: 'drafted_at', type: 'timestamptz' })
  draftedAt!: Date;

  @Column('varchar', { name: 'drafted_by_id', length: 64 })
  draftedById!: string;

  @Column('varchar', { name: 'drafted_by_name', length: 100 })
  draftedByName!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** In force from (生效): no earlier than the last party's signature. */
  @Column('timestamptz', { name: 'signed_at', nullable: true })
  signedAt!: Date | null;

  /** The mediator who signed it (the caller of 签署). */
  @Column('varchar', { name: 'signed_by_id', length: 64, nullable: true })
  signedById!: string | null;

  @Column('varchar', { name: 'signed_by_name', length: 100, nullable: true })
  signedByName!: string | null;

  /** The signed PDF (kept_documents). */
  @Column('uuid', { name: 'document_id', nullable: true })
  documentId!: string | null;

  @VersionColumn()
  version!: number;

  @OneToMany('AgreementParty', 'agreement')
  parties?: AgreementParty[];

  @OneToMany('AgreementTerm', 'agreement')
  terms?: AgreementTerm[];
}

/** 当事人 of an agreement. ID and phone numbers only encrypted, masked, and (the ID) as a lookup hash. */
@Entity({ name: 'agreement_parties' })
export class AgreementParty {
  @PrimaryColumn('uuid', { name: 'agreement_id' })
  agreementId!: string;

  @ManyToOne('Agreement', 'parties', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: Agreement;

  @PrimaryColumn('smallint')
  position!: number;

  @Column('varchar', { length: 100 })
  name!: string;

  @Column('varchar', { length: 16 })
  role!: AgreementPartyRole;

  @Column('varchar', { length: 16 })
  kind!: string;

  @Column('text', { name: 'id_number_encrypted', nullable: true })
  idNumberEncrypted!: string | null;

  @Column('varchar', { name: 'id_number_masked', length: 18, nullable: true })
  idNumberMasked!: string | null;

  /** To find a person's agreements across cases without decrypting (cipher.lookupHash). */
  @Index('agreement_parties_id_number_hash')
  @Column('char', { name: 'id_number_hash', length: 64, nullable: true })
  idNumberHash!: string | null;

  @Column('text', { name: 'phone_encrypted', nullable: true })
  phoneEncrypted!: string | null;

  @Column('varchar', { name: 'phone_masked', length: 16, nullable: true })
  phoneMasked!: string | null;

  @Column('varchar', { length: 200, nullable: true })
  address!: string | null;

  /** When they signed (签名、盖章或按指印). */
  @Column('timestamptz', { name: 'signed_at', nullable: true })
  signedAt!: Date | null;
}

/** 协议条款, numbered from 1; its performance status is the latest record's (pending before any). */
@Entity({ name: 'agreement_terms' })
export class AgreementTerm {
  @PrimaryColumn('uuid', { name: 'agreement_id' })
  agreementId!: string;

  @ManyToOne('Agreement', 'terms', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agreement_id' })
  agreement?: Agreement;

  @PrimaryColumn('smallint', { name: 'term_no' })
  termNo!: number;

  @Column('text')
  content!: string;

  /** 履行期限 of this term, a Beijing day. */
  @Column('date', { name: 'perform_by', nullable: true })
  performBy!: string | null;

  @Column('varchar', { length: 200, nullable: true })
  method!: string | null;

  @Column('varchar', { name: 'performance_status', length: 20, default: 'pending' })
  performanceStatus!: PerformanceStatus;

  @Column('timestamptz', { name: 'performance_recorded_at', nullable: true })
  performanceRecordedAt!: Date | null;
}

/** 履行情况 as found, one row per record: the term's history. */
@Entity({ name: 'agreement_performance_records' })
@Index('agreement_performance_records_term', ['agreementId', 'termNo', 'recordedAt'])
export class PerformanceRecord {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'agreement_id' })
  agreementId!: string;

  @Column('smallint', { name: 'term_no' })
  termNo!: number;

  @Column('varchar', { length: 20 })
  status!: PerformanceStatus;

  @Column('text')
  note!: string;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;

  @Column('varchar', { name: 'recorded_by_id', length: 64 })
  recordedById!: string;

  @Column('varchar', { name: 'recorded_by_name', length: 100 })
  recordedByName!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/**
 * The last number an agency gave an agreement in a Beijing year. Taken with one upsert in the
 * drafting transaction: the row lock orders concurrent drafts, and a draft that rolls back gives
 * its number back, so the year's numbers have no gaps and no repeats.
 */
@Entity({ name: 'agreement_counters' })
export class AgreementCounter {
  @PrimaryColumn('uuid', { name: 'agency_id' })
  agencyId!: string;

  @PrimaryColumn('smallint')
  year!: number;

  @Column('integer', { name: 'last_sequence' })
  lastSequence!: number;
}
