import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Mediator } from '@fengqiao/agency-kit';

/**
 * What makes a studio's mediator a lawyer on the roster (律师名录): the firm, the licence, the
 * languages and whether the studio publishes them for the parties to choose from. Name, phone,
 * specialties and duty stay on the kit's mediator, keyed by the same id.
 */
@Entity({ name: 'lawyer_profiles' })
export class LawyerProfile {
  @PrimaryColumn('uuid', { name: 'mediator_id' })
  mediatorId!: string;

  @OneToOne(() => Mediator, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mediator_id' })
  mediator?: Mediator;

  /** 律师事务所: a conflict of one of its lawyers is a conflict of all of them. */
  @Index('lawyer_profiles_firm')
  @Column('varchar', { length: 100 })
  firm!: string;

  /** 律师执业证号: one lawyer, one roster entry, across every studio. */
  @Index('lawyer_profiles_licence', { unique: true })
  @Column('char', { name: 'licence_number', length: 17 })
  licenceNumber!: string;

  @Column('varchar', { array: true, length: 20, default: () => "'{}'" })
  languages!: string[];

  @Column('smallint', { name: 'years_of_practice' })
  yearsOfPractice!: number;

  /** On the published roster the parties choose from. */
  @Column('boolean', { default: false })
  published!: boolean;

  /** When it was last published; kept while unpublished, as a record. */
  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
