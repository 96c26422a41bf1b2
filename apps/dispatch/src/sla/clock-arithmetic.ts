import type { SlaLevel, SlaUnit } from '@fengqiao/contracts';
import type { WorkingCalendar, WorkingPeriod } from '@fengqiao/working-calendar';

/**
 * How a clock measures time: wall milliseconds, or working milliseconds on a working calendar.
 * Every piece of clock arithmetic goes through one of these two, so pauses, extensions and
 * thresholds mean the same thing for a 2-hour 签收 and a 15-working-day 办结.
 */
export interface Measure {
  /** The moment `ms` of this measure after `from`. */
  advance(from: Date, ms: number): Date;
  /** This measure's time in [a, b). */
  between(a: Date, b: Date): number;
}

export const WALL_TIME: Measure = {
  advance: (from, ms) => new Date(from.getTime() + ms),
  between: (a, b) => Math.max(0, b.getTime() - a.getTime()),
};

export const workingTime = (calendar: WorkingCalendar): Measure => ({
  advance: (from, ms) => calendar.addWorkingTime(from, ms),
  between: (a, b) => calendar.workingTimeBetween(a, b),
});

export const isWorkingUnit = (unit: SlaUnit): boolean => unit === 'working_hours' || unit === 'working_days';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The working time in one full working day of these hours (a working-day extension adds this much). */
export function workingDayMs(hours: readonly WorkingPeriod[]): number {
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return hours.reduce((sum, p) => sum + (minutes(p.end) - minutes(p.start)) * MINUTE, 0);
}

/**
 * A target in the clock's measure. N working days, counted from the day after the start
 * (期间开始之日不计算在内), end at the close of the N-th working day, so the rest of the start day is
 * part of the allowance: the target is the working time from the start to that close.
 */
export function targetMs(unit: SlaUnit, amount: number, startedAt: Date, calendar: WorkingCalendar): number {
  switch (unit) {
    case 'minutes':
      return amount * MINUTE;
    case 'hours':
    case 'working_hours':
      return amount * HOUR;
    case 'working_days':
      return calendar.workingTimeBetween(startedAt, calendar.closeOfWorkingDay(startedAt, amount));
  }
}

/** An extension in the clock's measure; a working day is one full day of the clock's working hours. */
export function extensionMs(unit: SlaUnit, amount: number, hours: readonly WorkingPeriod[]): number {
  if (unit === 'working_days') return amount * workingDayMs(hours);
  return amount * (unit === 'minutes' ? MINUTE : HOUR);
}

/** The part of a clock its arithmetic needs. */
export interface ClockTime {
  targetMs: number;
  extendedMs: number;
  usedMs: number;
  runningSince: Date | null;
}

export const allowedMs = (c: ClockTime): number => c.targetMs + c.extendedMs;

/** Time used by `at`: what was used before the running segment, plus the running segment so far. */
export function usedAt(c: ClockTime, measure: Measure, at: Date): number {
  return c.usedMs + (c.runningSince ? measure.between(c.runningSince, at) : 0);
}

/**
 * The moment `percent` of the allowed time is used up, or null while the clock stands still. A
 * threshold already passed before the running segment began is reached at its start.
 */
export function momentOf(c: ClockTime, measure: Measure, percent: number): Date | null {
  if (!c.runningSince) return null;
  const need = Math.ceil((allowedMs(c) * percent) / 100) - c.usedMs;
  return need <= 0 ? c.runningSince : measure.advance(c.runningSince, need);
}

/** The deadline: when all of the allowed time is used up. */
export const dueOf = (c: ClockTime, measure: Measure): Date | null => momentOf(c, measure, 100);

/** Stops the running segment at `at`, adding it to what was used. */
export function standStill(c: ClockTime, measure: Measure, at: Date): ClockTime {
  return { ...c, usedMs: usedAt(c, measure, at), runningSince: null };
}

/** The first threshold above the ones already fired, if any. */
export const nextThreshold = (thresholds: readonly number[], firedPercent: number): number | undefined =>
  thresholds.find((p) => p > firedPercent);

/** 100% and beyond is red (超期); the warning just below it orange, the one below that yellow. */
export function levelOf(thresholds: readonly number[], percent: number): SlaLevel {
  if (percent >= 100) return 'red';
  const warnings = thresholds.filter((p) => p < 100);
  const fromTop = warnings.length - 1 - warnings.indexOf(percent);
  return fromTop === 0 ? 'orange' : 'yellow';
}

/** The highest level reached once `firedPercent` has fired, if any. */
export const levelReached = (thresholds: readonly number[], firedPercent: number): SlaLevel | undefined =>
  firedPercent > 0 ? levelOf(thresholds, firedPercent) : undefined;
