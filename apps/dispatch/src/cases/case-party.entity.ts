import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Case } from './case.entity';

/**
 * 当事人. ID and phone numbers are personal data: only their ciphertext (AES-256-GCM with its key
 * id), a keyed lookup hash (to find the same person across cases) and the masked form are stored.
 */
@Entity({ name: 'case_parties' })
export class CaseParty {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId!: string;

  @ManyToOne('Case', 'parties', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: Case;

  @PrimaryColumn('smallint')
  position!: number;

  @Column('varchar', { length: 16 })
  kind!: string;

  @Column('varchar', { length: 16 })
  role!: string;

  @Column('varchar', { length: 100 })
  name!: string;

  @Column('text', { name: 'id_number_cipher', nullable: true })
  idNumberCipher!: string | null;

  @Index()
  @Column('char', { name: 'id_number_hash', length: 64, nullable: true })
  idNumberHash!: string | null;

  @Column('varchar', { name: 'id_number_masked', length: 18, nullable: true })
  idNumberMasked!: string | null;

  @Column('text', { name: 'phone_cipher', nullable: true })
  phoneCipher!: string | null;

  @Index()
  @Column('char', { name: 'phone_hash', length: 64, nullable: true })
  phoneHash!: string | null;

  @Column('varchar', { name: 'phone_masked', length: 16, nullable: true })
  phoneMasked!: string | null;
}
