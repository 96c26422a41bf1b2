/**
 * Whether `code` lies within the 辖区 `area` (itself or below). Codes are 6, 9 or 12 digits, padded
 * to 12: a city keeps 4 significant digits, a district 6, a street or town 9, a community all 12.
 */
export function isWithin(code: string, area: string): boolean {
  const full = area.padEnd(12, '0');
  const significant = full.endsWith('00000000')
    ? 4
    : full.endsWith('000000')
      ? 6
      : full.endsWith('000')
        ? 9
        : 12;
  return code.padEnd(12, '0').startsWith(full.slice(0, significant));
}

/** The district (county-level) a code belongs to: its first six digits. */
export const districtOf = (code: string) => code.slice(0, 6);
