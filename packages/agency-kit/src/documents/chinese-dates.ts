/**
 * Dates as the agency's documents and ledgers write them, on Beijing time. Asia/Shanghai has been
 * UTC+8 without daylight saving since 1991, so a fixed offset is exact.
 */
const BEIJING_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The Beijing calendar day (YYYY-MM-DD) of an instant. */
export function beijingDay(d: Date): string {
  return new Date(d.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Beijing year of an instant. */
export const beijingYear = (d: Date) => Number(beijingDay(d).slice(0, 4));

/** The instant a Beijing day starts (its 00:00). */
export function beijingDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - BEIJING_OFFSET_MS);
}

/** Whole days from one YYYY-MM-DD to another (positive when `to` is later). */
export const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY_MS;

/** 2026年5月1日, of an instant (Beijing time) or of a YYYY-MM-DD day. */
export function chineseDate(d: Date | string): string {
  const day = typeof d === 'string' ? d : beijingDay(d);
  const [y, m, dd] = day.split('-').map(Number);
  return `${y}年${m}月${dd}日`;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 一 … 九十九: how 协议条款 are numbered (第一条, 一、). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`no numeral for ${n}`);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}
