/**
 * 辖区 codes (GB/T 2260 above the town, the statistics bureau's below): 6, 9 or 12 digits, stored as
 * 12. A node's subtree is every code that starts with its significant digits. One reading of the
 * coding scheme for every service that checks an area.
 */

/** Accepts a 6-, 9- or 12-digit code and returns the 12-digit form. */
export function toStoredCode(code: string): string {
  return code.padEnd(12, '0');
}

/** The significant digits of a code: what every code in its subtree starts with (city 4, district 6, street 9, community 12). */
export function subtreePrefix(code: string): string {
  const full = toStoredCode(code);
  if (full.endsWith('000000')) return full.slice(0, full.endsWith('00000000') ? 4 : 6);
  if (full.endsWith('000')) return full.slice(0, 9);
  return full;
}

/** Whether `code` lies within the 辖区 `area`: the area itself or below it. */
export function isWithinJurisdiction(code: string, area: string): boolean {
  return toStoredCode(code).startsWith(subtreePrefix(area));
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
 * district, city) or inside it.
 */
export function servesPlace(unitCode: string, placeCode: string): boolean {
  return (
    ancestorCodes(placeCode).includes(toStoredCode(unitCode)) || isWithinJurisdiction(unitCode, placeCode)
  );
}
