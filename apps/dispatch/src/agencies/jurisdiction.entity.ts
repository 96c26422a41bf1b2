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

/** Accepts a 6-, 9- or 12-digit code and returns the 12-digit form stored here. */
export function toStoredCode(code: string): string {
  return code.padEnd(12, '0');
}

/** The significant digits of a code: what every code in its subtree starts with. */
export function subtreePrefix(code: string): string {
  const full = toStoredCode(code);
  if (full.endsWith('000000')) return full.slice(0, full.endsWith('00000000') ? 4 : 6);
  if (full.endsWith('000')) return full.slice(0, 9);
  return full;
}

/** A node and its ancestors, nearest first: village → town → district → city (12-digit codes). */
export function ancestorCodes(code: string): string[] {
  const full = toStoredCode(code);
  const chain = [full];
  for (const keep of [9, 6, 4]) {
    const up = full.slice(0, keep).padEnd(12, '0');
    if (up !== chain[chain.length - 1]) chain.push(up);
  }
  return chain;
}

/**
 * Whether a unit at `unitCode` serves a place at `placeCode`: it sits there, above it (town,
 * district, city) or inside it. Who may be referred, summoned or convened for a case.
 */
export function servesPlace(unitCode: string, placeCode: string): boolean {
  return ancestorCodes(placeCode).includes(unitCode) || unitCode.startsWith(subtreePrefix(placeCode));
}
