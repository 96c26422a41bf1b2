import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The dispute type taxonomy, kept as data so admins can extend it without a release. */
@Entity({ name: 'dispute_types' })
export class DisputeType {
  @PrimaryColumn('varchar', { length: 40 })
  code!: string;

  @Column('varchar', { name: 'name_zh', length: 50 })
  nameZh!: string;
}
