import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A party to an on-the-spot record. ID and phone numbers only encrypted (to send them on to
 * dispatch when the case is registered) and masked (to show).
 */
@Entity({ name: 'on_the_spot_parties' })
export class OnTheSpotParty {
  @PrimaryColumn('uuid', { name: 'record_id' })
  recordId!: string;

  @PrimaryColumn('smallint')
  position!: number;

  @Column('varchar', { length: 16 })
  kind!: 'person' | 'organisation';

  @Column('varchar', { length: 16 })
  role!: 'applicant' | 'respondent' | 'other';

  @Column('varchar', { length: 100 })
  name!: string;

  @Column('text', { name: 'id_number_encrypted', nullable: true })
  idNumberEncrypted!: string | null;

  @Column('varchar', { name: 'id_number_masked', length: 40, nullable: true })
  idNumberMasked!: string | null;

  @Column('text', { name: 'phone_encrypted', nullable: true })
  phoneEncrypted!: string | null;

  @Column('varchar', { name: 'phone_masked', length: 20, nullable: true })
  phoneMasked!: string | null;
}
