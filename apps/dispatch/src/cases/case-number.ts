import type { DataSource } from 'typeorm';

// Built once: constructing a DateTimeFormat costs more than a registration's other arithmetic.
const SHANGHAI_YEAR = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' });

/** Year of a moment in China Standard Time (a case registered at 23:30 on 31 Dec belongs to that year). */
export function yearInShanghai(at: Date): number {
  return Number(SHANGHAI_YEAR.format(at));
}

export function formatCaseNumber(districtCode: string, year: number, sequence: number): string {
  return `${districtCode}-${year}-${String(sequence).padStart(6, '0')}`;
}

const UNIQUE_VIOLATION = '23505';

// Sequences this process has seen exist. They are never dropped, so no replica can contradict it.
const knownSequences = new Set<string>();

async function ensureSequence(dataSource: DataSource, sequence: string): Promise<void> {
  if (knownSequences.has(sequence)) return;
  // The first case of a district in a year creates its sequence; a concurrent creator may win.
  await dataSource.query(`CREATE SEQUENCE IF NOT EXISTS ${sequence}`).catch((e: { code?: string }) => {
    if (e.code !== UNIQUE_VIOLATION) throw e;
  });
  knownSequences.add(sequence);
}

/**
 * Takes the next case number for a district and year from a Postgres sequence of its own.
 * Runs outside the registration's transaction: a sequence hands out numbers without holding a
 * lock until commit (a counter row would queue every registration in the district behind the
 * one before it). A registration that then fails leaves a gap, which numbering allows.
 */
export async function nextCaseNumber(
  dataSource: DataSource,
  schema: string,
  jurisdictionCode: string,
  at: Date,
): Promise<string> {
  const district = jurisdictionCode.slice(0, 6);
  if (!/^\d{6}$/.test(district)) throw new Error(`not a district code: ${district}`);
  const year = yearInShanghai(at);
  const sequence = `"${schema}"."case_number_${district}_${year}"`;
  await ensureSequence(dataSource, sequence);
  const rows = (await dataSource.query(`SELECT nextval('${sequence}') AS n`)) as { n: string }[];
  return formatCaseNumber(district, year, Number(rows[0].n));
}
