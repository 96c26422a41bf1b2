import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import type { CommitteeKind, StationKind } from '@fengqiao/contracts';

/**
 * A 人民调解委员会's profile, one per people's agency of dispatch (keyed by its agency id). What
 * routing uses (kind, jurisdiction, specialties) stays dispatch's: the profile is checked against
 * it when set, and keeps a copy of the jurisdiction only so the list can filter without asking back.
 */
@Entity({ name: 'committee_profiles' })
@Index('committee_profiles_kind_jurisdiction', ['committeeKind', 'jurisdictionCode'])
export class CommitteeProfile {
  @PrimaryColumn('uuid', { name: 'agency_id' })
  agencyId!: string;

  @Column('varchar', { name: 'committee_kind', length: 20 })
  committeeKind!: CommitteeKind;

  @Column('varchar', { length: 200 })
  name!: string;

  /** The agency's 辖区 (12 digits) as dispatch had it when the profile was last set. */
  @Column('varchar', { name: 'jurisdiction_code', length: 12 })
  jurisdictionCode!: string;

  /** 成立日期 (YYYY-MM-DD). */
  @Column('date', { name: 'established_on' })
  establishedOn!: string;

  /** 人民调解委员会主任. */
  @Column('varchar', { name: 'director_name', length: 50 })
  directorName!: string;

  @Column('integer', { name: 'members_count' })
  membersCount!: number;

  /** 派驻: 驻派出所, 驻法院 … and the unit, when the hub knows it. */
  @Column('varchar', { name: 'stationed_at_kind', length: 20, nullable: true })
  stationedAtKind!: StationKind | null;

  @Column('uuid', { name: 'stationed_at_agency_id', nullable: true })
  stationedAtAgencyId!: string | null;

  @Column('varchar', { name: 'stationed_at_note', length: 200, nullable: true })
  stationedAtNote!: string | null;

  /** The dispute type codes it takes (at least one). */
  @Column('varchar', { name: 'dispute_types', array: true, length: 40, default: () => "'{}'" })
  disputeTypes!: string[];

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  @Column('varchar', { name: 'updated_by_id', length: 64 })
  updatedById!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @VersionColumn()
  version!: number;
}
