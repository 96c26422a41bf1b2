import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AgencyKind, JurisdictionLevel, ReferralRole } from '@fengqiao/contracts';

/** One published version of the responsibility matrix (派单 rules). Versions are never edited. */
@Entity({ name: 'routing_matrix_versions' })
export class RoutingMatrixVersion {
  @PrimaryColumn('integer')
  version!: number;

  @Column('text')
  note!: string;

  @Column('timestamptz', { name: 'published_at' })
  publishedAt!: Date;

  @Column('varchar', { name: 'published_by_id', length: 64 })
  publishedById!: string;

  @Column('varchar', { name: 'published_by_name', length: 100 })
  publishedByName!: string;
}

/** dispute type × jurisdiction level → an agency kind that handles it, as lead (主办) or co-handler (协办). */
@Entity({ name: 'routing_matrix_entries' })
@Index('routing_matrix_lookup', ['version', 'disputeType', 'jurisdictionLevel'])
export class RoutingMatrixEntry {
  @PrimaryColumn('integer')
  version!: number;

  @PrimaryColumn('varchar', { name: 'dispute_type', length: 40 })
  disputeType!: string;

  @PrimaryColumn('varchar', { name: 'jurisdiction_level', length: 16 })
  jurisdictionLevel!: JurisdictionLevel;

  @PrimaryColumn('varchar', { name: 'agency_kind', length: 16 })
  agencyKind!: AgencyKind;

  @Column('varchar', { length: 8 })
  role!: ReferralRole;
}
