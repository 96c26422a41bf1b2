import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A case as dispatch registered it: its number and 辖区, so an alert about a case that names only
 * its id (an agency's event) can say which case and be listed to that 辖区's coordinators.
 */
@Entity({ name: 'known_cases' })
export class KnownCase {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('varchar', { name: 'case_number', length: 40 })
  caseNumber!: string;

  /** 12 digits. */
  @Column('varchar', { name: 'jurisdiction_code', length: 12 })
  jurisdictionCode!: string;

  @Column('timestamptz', { name: 'registered_at' })
  registeredAt!: Date;
}
