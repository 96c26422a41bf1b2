import { BEIJING_OFFSET_MS, DAY_MS, dateOfDayIndex, dayIndex, epochMs, tryDayIndex } from './beijing-time';
import { STATUTORY_DAYS, STATUTORY_YEARS, type CalendarDay } from './statutory-days';
import {
  DEFAULT_WORKING_HOURS,
  parseWorkingHours,
  type ParsedPeriod,
  type ParsedWorkingHours,
  type WorkingPeriod,
} from './working-hours';

export interface DayInfo {
  date: string;
  working: boolean;
  kind: 'workday' | 'weekend' | 'holiday' | 'makeup_workday';
  /** From the statutory data or an override: 国庆节, 国庆节调休上班, …; absent for plain days. */
  name?: string;
  source: 'override' | 'statutory' | 'weekday';
}

export interface WorkingCalendarOptions {
  /** The admins' table (e.g. next year's notice before a release has it); wins over STATUTORY_DAYS. */
  overrides?: readonly CalendarDay[];
  hours?: readonly WorkingPeriod[];
}

interface Listed {
  day: CalendarDay;
  source: 'override' | 'statutory';
}

/** describeRange is for people reading a deadline; a decade is already more than anyone reads. */
const MAX_DESCRIBED_DAYS = 3660;

// 1970-01-01 (day 0) was a Thursday; 0 = Sunday.
const weekdayOf = (day: number): number => (((day + 4) % 7) + 7) % 7;
const isWeekend = (day: number): boolean => {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
};

/**
 * The Chinese working calendar SLA deadlines are counted on: Mon–Fri, less statutory holidays,
 * plus 调休 make-up days, with working hours inside each day. All arithmetic is on ms in Beijing
 * local time, walking whole days and jumping whole weeks where no listed day falls.
 */
export class WorkingCalendar {
  readonly hours: ParsedWorkingHours;
  private readonly periods: readonly ParsedPeriod[];
  private readonly dailyMs: number;
  private readonly listed = new Map<number, Listed>();
  /** Sorted day indices of every listed day, for finding stretches the weekday rule alone decides. */
  private readonly listedDays: number[];
  private readonly years: ReadonlySet<number>;

  constructor(options: WorkingCalendarOptions = {}) {
    this.hours = parseWorkingHours(options.hours ?? DEFAULT_WORKING_HOURS);
    this.periods = this.hours.periods;
    this.dailyMs = this.hours.dailyMs;
    const years = new Set<number>(STATUTORY_YEARS);
    for (const day of STATUTORY_DAYS) this.listed.set(dayIndex(day.date), { day, source: 'statutory' });
    const seen = new Set<number>();
    for (const [i, day] of (options.overrides ?? []).entries()) {
      const idx = tryDayIndex(day?.date);
      if (idx === undefined) throw new RangeError(`overrides[${i}].date is not a YYYY-MM-DD date`);
      if (day.kind !== 'holiday' && day.kind !== 'workday') {
        throw new RangeError(`overrides[${i}].kind must be 'holiday' or 'workday'`);
      }
      // Two rows for one date would make the answer depend on row order.
      if (seen.has(idx)) throw new RangeError(`overrides[${i}].date ${day.date} is listed twice`);
      seen.add(idx);
      this.listed.set(idx, { day: { date: day.date, kind: day.kind, name: day.name }, source: 'override' });
      years.add(Number(day.date.slice(0, 4)));
    }
    this.listedDays = [...this.listed.keys()].sort((a, b) => a - b);
    this.years = years;
  }

  day(date: string): DayInfo {
    return this.info(dayIndex(date));
  }

  isWorkingDay(date: string): boolean {
    return this.working(dayIndex(date));
  }

  /** Statutory data or at least one override entry exists for that year. */
  knowsYear(year: number): boolean {
    return this.years.has(year);
  }

  /**
   * The earliest instant t ≥ from with exactly `ms` of working time in [from, t). For ms > 0 that is
   * inside a working period or exactly at its end, never in a break, weekend or holiday.
   */
  addWorkingTime(from: Date, ms: number): Date {
    const start = epochMs(from);
    if (!Number.isSafeInteger(ms) || ms < 0) throw new RangeError('ms must be a non-negative integer');
    if (ms === 0) return new Date(start);
    const local = start + BEIJING_OFFSET_MS;
    let day = Math.floor(local / DAY_MS);
    let left = ms;
    // The rest of from's own day.
    if (this.working(day)) {
      const tod = local - day * DAY_MS;
      for (const p of this.periods) {
        if (tod >= p.endMs) continue;
        const s = Math.max(tod, p.startMs);
        if (left <= p.endMs - s) return this.instant(day, s + left);
        left -= p.endMs - s;
      }
    }
    day++;
    for (;;) {
      // Keep at least 1 ms for the day loop, so a deadline at a Friday close is not pushed to Monday.
      if (left > 5 * this.dailyMs) {
        const weeks = Math.min(Math.floor((left - 1) / (5 * this.dailyMs)), this.plainWeeksFrom(day));
        day += weeks * 7;
        left -= weeks * 5 * this.dailyMs;
      }
      if (this.working(day)) {
        if (left <= this.dailyMs) return this.instant(day, this.offsetInDay(left));
        left -= this.dailyMs;
      }
      day++;
    }
  }

  /** Working time (ms) in [a, b); 0 when b ≤ a. */
  workingTimeBetween(a: Date, b: Date): number {
    const la = epochMs(a) + BEIJING_OFFSET_MS;
    const lb = epochMs(b) + BEIJING_OFFSET_MS;
    if (lb <= la) return 0;
    const da = Math.floor(la / DAY_MS);
    const db = Math.floor(lb / DAY_MS);
    const ta = la - da * DAY_MS;
    const tb = lb - db * DAY_MS;
    if (da === db) return this.working(da) ? this.workIn(ta, tb) : 0;
    let total = this.working(da) ? this.workIn(ta, DAY_MS) : 0;
    total += this.workingDaysIn(da + 1, db) * this.dailyMs;
    if (this.working(db)) total += this.workIn(0, tb);
    return total;
  }

  /**
   * 期间开始之日不计算在内: close of business (end of the last working period) of the n-th
   * working day after from's Beijing date.
   */
  closeOfWorkingDay(from: Date, n: number): Date {
    const local = epochMs(from) + BEIJING_OFFSET_MS;
    if (!Number.isSafeInteger(n) || n < 1) throw new RangeError('n must be an integer ≥ 1');
    let day = Math.floor(local / DAY_MS) + 1;
    let left = n;
    for (;;) {
      if (left > 5) {
        const weeks = Math.min(Math.floor((left - 1) / 5), this.plainWeeksFrom(day));
        day += weeks * 7;
        left -= weeks * 5;
      }
      if (this.working(day) && --left === 0) return this.instant(day, this.hours.closeMs);
      day++;
    }
  }

  /** Every day in [fromDate, toDate] with whether and why it counts: for showing how a deadline was counted. */
  describeRange(fromDate: string, toDate: string): DayInfo[] {
    const first = dayIndex(fromDate);
    const last = dayIndex(toDate);
    if (last - first >= MAX_DESCRIBED_DAYS) {
      throw new RangeError(`describeRange covers at most ${MAX_DESCRIBED_DAYS} days`);
    }
    const out: DayInfo[] = [];
    for (let d = first; d <= last; d++) out.push(this.info(d));
    return out;
  }

  private info(day: number): DayInfo {
    const date = dateOfDayIndex(day);
    const listed = this.listed.get(day);
    if (!listed) {
      const weekend = isWeekend(day);
      return { date, working: !weekend, kind: weekend ? 'weekend' : 'workday', source: 'weekday' };
    }
    const { kind, name } = listed.day;
    const working = kind === 'workday';
    return {
      date,
      working,
      kind: !working ? 'holiday' : isWeekend(day) ? 'makeup_workday' : 'workday',
      name,
      source: listed.source,
    };
  }

  private working(day: number): boolean {
    const listed = this.listed.get(day);
    return listed ? listed.day.kind === 'workday' : !isWeekend(day);
  }

  private instant(day: number, msInDay: number): Date {
    const t = new Date(day * DAY_MS + msInDay - BEIJING_OFFSET_MS);
    if (Number.isNaN(t.getTime())) throw new RangeError('the result is beyond the range of Date');
    return t;
  }

  /** Time of day at which `ms` (0 < ms ≤ dailyMs) of a working day's time has been worked. */
  private offsetInDay(ms: number): number {
    let left = ms;
    for (const p of this.periods) {
      if (left <= p.endMs - p.startMs) return p.startMs + left;
      left -= p.endMs - p.startMs;
    }
    return this.hours.closeMs;
  }

  /** Working time inside [from, to) of one working day, both as ms since midnight. */
  private workIn(from: number, to: number): number {
    let total = 0;
    for (const p of this.periods) {
      const s = Math.max(from, p.startMs);
      const e = Math.min(to, p.endMs);
      if (e > s) total += e - s;
    }
    return total;
  }

  /** Working days in [first, end). */
  private workingDaysIn(first: number, end: number): number {
    let count = 0;
    let day = first;
    while (day < end) {
      // Any 7 consecutive days that no list touches hold exactly 5 weekdays.
      if (end - day >= 7) {
        const weeks = Math.min(Math.floor((end - day) / 7), this.plainWeeksFrom(day));
        day += weeks * 7;
        count += weeks * 5;
        if (day >= end) break;
      }
      if (this.working(day)) count++;
      day++;
    }
    return count;
  }

  /** How many whole weeks from `day` on contain no listed day. */
  private plainWeeksFrom(day: number): number {
    const days = this.listedDays;
    let lo = 0;
    let hi = days.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (days[mid] < day) lo = mid + 1;
      else hi = mid;
    }
    return lo === days.length ? Number.MAX_SAFE_INTEGER : Math.floor((days[lo] - day) / 7);
  }
}
