import type { EntityManager } from 'typeorm';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Last sequence used per district and year; the row lock makes numbers gap-free and unique. */
@Entity({ name: 'case_number_counters' })
export class CaseNumberCounter {
  @PrimaryColumn('varchar', { length: 16 })
  prefix!: string;

  @Column('integer', { name: 'last_value' })
  lastValue!: number;
}

/** Year of a moment in China Standard Time (a case registered at 23:30 on 31 Dec belongs to that year). */
export function yearInShanghai(at: Date): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(at));
}

export function formatCaseNumber(districtCode: string, year: number, sequence: number): string {
  return `${districtCode}-${year}-${String(sequence).padStart(6, '0')}`;
}

/** Takes the next number inside the caller's transaction. */
export async function nextCaseNumber(
  manager: EntityManager,
  jurisdictionCode: string,
  at: Date,
): Promise<string> {
  const district = jurisdictionCode.slice(0, 6);
  const year = yearInShanghai(at);
  const prefix = `${district}-${year}`;
  const table = manager.getRepository(CaseNumberCounter).metadata.tablePath;
  const rows = (await manager.query(
    `INSERT INTO ${table} (prefix, last_value) VALUES ($1, 1)
     ON CONFLICT (prefix) DO UPDATE SET last_value = case_number_counters.last_value + 1
     RETURNING last_value`,
    [prefix],
  )) as { last_value: number }[];
  return formatCaseNumber(district, year, rows[0].last_value);
}
