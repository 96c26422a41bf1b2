import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const CASE_LINK_REASONS = ['same_id_number', 'same_phone', 'same_address', 'rebound'] as const;
export type CaseLinkReason = (typeof CASE_LINK_REASONS)[number];

/** 重复件: a case linked to an earlier one of the same party or place, and why. */
@Entity({ name: 'case_links' })
@Index('case_links_linked', ['linkedCaseId'])
export class CaseLink {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId!: string;

  @PrimaryColumn('uuid', { name: 'linked_case_id' })
  linkedCaseId!: string;

  @PrimaryColumn('varchar', { length: 20 })
  reason!: CaseLinkReason;

  @Column('timestamptz', { name: 'linked_at' })
  linkedAt!: Date;
}
