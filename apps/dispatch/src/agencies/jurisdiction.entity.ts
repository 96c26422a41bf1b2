import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { JurisdictionLevel } from '@fengqiao/contracts';

/**
 * One node of the 辖区 tree: city → district/county → street/town → community/village.
 * Codes are kept as 12 digits (GB/T 2260 padded with zeros above the town, the statistics
 * bureau's code below it), so a subtree is every code that starts with the node's `prefix`.
 */
@Entity({ name: 'jurisdictions' })
export class Jurisdiction {
  @PrimaryColumn('varchar', { length: 12 })
  code!: string;

  @Column('varchar', { length: 100 })
  name!: string;

  @Column('varchar', { length: 16 })
  level!: JurisdictionLevel;

  @Index()
  @Column('varchar', { length: 12 })
  prefix!: string;

  @Column('varchar', { name: 'parent_code', length: 12, nullable: true })
  parentCode!: string | null;
}

// The coding scheme is shared with every service that checks an area.
export { ancestorCodes, servesPlace, subtreePrefix, toStoredCode } from '@fengqiao/contracts';
