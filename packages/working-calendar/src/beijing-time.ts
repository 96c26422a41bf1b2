// Asia/Shanghai has been UTC+8 without daylight saving since 1991, so a fixed offset is exact and needs no tz data.
export const BEIJING_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;

/** Days since 1970-01-01 of a YYYY-MM-DD string, or undefined when it is not a real calendar date. */
export function tryDayIndex(date: string): number | undefined {
  const m = typeof date === 'string' ? DATE_RE.exec(date) : null;
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  // Date.UTC rolls 02-30 over to March; the round trip catches it.
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return undefined;
  return t / DAY_MS;
}

export function dayIndex(date: string): number {
  const idx = tryDayIndex(date);
  if (idx === undefined) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return idx;
}

export function dateOfDayIndex(idx: number): string {
  return new Date(idx * DAY_MS).toISOString().slice(0, 10);
}

/** Minutes since midnight of 'HH:MM' (00:00–23:59, plus 24:00 when allowed), or undefined. */
export function tryMinutes(time: string, allow24: boolean): number | undefined {
  const m = typeof time === 'string' ? TIME_RE.exec(time) : null;
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h === 24 && min === 0 && allow24) return 1440;
  if (h > 23 || min > 59) return undefined;
  return h * 60 + min;
}

export function epochMs(d: Date): number {
  const t = d instanceof Date ? d.getTime() : NaN;
  if (!Number.isFinite(t)) throw new RangeError('not a valid Date');
  return t;
}

/** The Beijing local date (YYYY-MM-DD) of an instant. */
export function beijingDate(d: Date): string {
  return dateOfDayIndex(Math.floor((epochMs(d) + BEIJING_OFFSET_MS) / DAY_MS));
}

/** The instant of a Beijing wall-clock time; '24:00' is the next day's midnight. */
export function beijingInstant(date: string, time: string): Date {
  const minutes = tryMinutes(time, true);
  if (minutes === undefined) throw new RangeError(`not an HH:MM time: ${JSON.stringify(time)}`);
  return new Date(dayIndex(date) * DAY_MS + minutes * 60_000 - BEIJING_OFFSET_MS);
}
