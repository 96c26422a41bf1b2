import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import type { MediatorCategory } from '@fengqiao/contracts';

/**
 * A mediator of one agency: 专职/兼职, 警务助理, lawyer, or one of the 五老乡贤. Their load is counted
 * from the referrals assigned to them (InboxReferral.mediatorId), never stored, so two replicas
 * cannot disagree about it. A service adds what its own kind needs in a table of its own keyed by
 * the mediator's id (the lawyer roster's firm and licence, for example).
 */
@Entity({ name: 'mediators' })
@Index('mediators_agency_name', ['agencyId', 'name'])
@Index('mediators_agency_user', ['agencyId', 'userId'], { unique: true, where: 'user_id IS NOT NULL' })
export class Mediator {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'agency_id' })
  agencyId!: string;

  /** Their identity account when they sign in themselves (a mediator or clerk of this agency). */
  @Column('varchar', { name: 'user_id', length: 64, nullable: true })
  userId!: string | null;

  @Column('varchar', { length: 50 })
  name!: string;

  @Column('varchar', { length: 20 })
  category!: MediatorCategory;

  /** Dispute types they are good at (the dispute type codes). */
  @Column('varchar', { array: true, length: 40, default: () => "'{}'" })
  specialties!: string[];

  /** 金牌调解员. */
  @Column('boolean', { default: false })
  gold!: boolean;

  /** 在岗: only a mediator on duty can be assigned new referrals. */
  @Column('boolean', { name: 'on_duty', default: true })
  onDuty!: boolean;

  /** A person's phone: encrypted and masked like the parties' (packages/pii). */
  @Column('text', { name: 'phone_encrypted', nullable: true })
  phoneEncrypted!: string | null;

  @Column('varchar', { name: 'phone_masked', length: 20, nullable: true })
  phoneMasked!: string | null;

  @Column('text', { nullable: true })
  introduction!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @VersionColumn()
  version!: number;
}
