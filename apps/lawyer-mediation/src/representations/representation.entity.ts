import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { LawyerProfile } from '../roster/lawyer-profile.entity';

/**
 * 代理记录: someone a lawyer acted for before, through a firm. The conflict-of-interest check compares
 * a case's parties with these, for the lawyer and for every lawyer of the same firm. The client's ID
 * number is personal data: encrypted, masked, and hashed with the same key dispatch hashes parties
 * with; the name is hashed too, for clients recorded without an ID number.
 */
@Entity({ name: 'lawyer_representations' })
@Index('lawyer_representations_lawyer', ['lawyerId', 'actedFrom'])
export class Representation {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'lawyer_id' })
  lawyerId!: string;

  @ManyToOne(() => LawyerProfile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lawyer_id' })
  lawyer?: LawyerProfile;

  /** The firm the lawyer acted through (normalised), kept when the lawyer moves on. */
  @Index('lawyer_representations_firm')
  @Column('varchar', { length: 100 })
  firm!: string;

  @Column('varchar', { name: 'client_name', length: 100 })
  clientName!: string;

  @Index('lawyer_representations_client_name_hash')
  @Column('char', { name: 'client_name_hash', length: 64 })
  clientNameHash!: string;

  @Column('varchar', { name: 'client_kind', length: 16 })
  clientKind!: string;

  @Column('text', { name: 'client_id_number_encrypted', nullable: true })
  clientIdNumberEncrypted!: string | null;

  @Column('varchar', { name: 'client_id_number_masked', length: 20, nullable: true })
  clientIdNumberMasked!: string | null;

  @Index('lawyer_representations_client_id_hash')
  @Column('char', { name: 'client_id_number_hash', length: 64, nullable: true })
  clientIdNumberHash!: string | null;

  @Column('varchar', { length: 500 })
  matter!: string;

  @Column('date', { name: 'acted_from' })
  actedFrom!: string;

  @Column('date', { name: 'acted_to', nullable: true })
  actedTo!: string | null;

  @Column('timestamptz', { name: 'recorded_at', default: () => 'now()' })
  recordedAt!: Date;

  @Column('varchar', { name: 'recorded_by_id', length: 64 })
  recordedById!: string;
}
