import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A document kept with a case (调解协议书, 司法确认申请书 …), as it was when made. It carries parties'
 * full ID numbers, so the bytes are stored only encrypted (PersonalDataCipher.encryptBytes); the
 * SHA-256 and size are of the clear document, so anyone holding a copy can check it against ours.
 */
@Entity({ name: 'kept_documents' })
@Index('kept_documents_referral', ['referralId', 'kind'])
export class KeptDocument {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'agency_id' })
  agencyId!: string;

  @Column('uuid', { name: 'referral_id' })
  referralId!: string;

  /** What it is, e.g. mediation_agreement. */
  @Column('varchar', { length: 40 })
  kind!: string;

  @Column('varchar', { length: 200 })
  filename!: string;

  @Column('varchar', { name: 'content_type', length: 100 })
  contentType!: string;

  /** The document encrypted at rest (AES-256-GCM, with its key id). */
  @Column('bytea', { name: 'content_encrypted', select: false })
  contentEncrypted!: Buffer;

  @Column('char', { length: 64 })
  sha256!: string;

  @Column('integer')
  bytes!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('varchar', { name: 'created_by_id', length: 64 })
  createdById!: string;
}
