import fc from 'fast-check';
import { beijingDate, WorkingCalendar } from '@fengqiao/working-calendar';
import {
  allowedMs,
  dueOf,
  extensionMs,
  levelOf,
  momentOf,
  standStill,
  usedAt,
  WALL_TIME,
  workingTime,
  type ClockTime,
  type Measure,
} from './clock-arithmetic';

const calendar = new WorkingCalendar({
  overrides: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }],
});
const MEASURES: [string, Measure][] = [
  ['working time', workingTime(calendar)],
  ['wall time', WALL_TIME],
];
const HOUR = 3600_000;
const from = new Date('2026-09-01T00:00:00+08:00').getTime();
const to = new Date('2027-01-31T00:00:00+08:00').getTime();

/** A start, a target, and the gaps between pause/resume toggles (pause first), all in ms. */
const schedule = fc.record({
  start: fc.integer({ min: from, max: to }),
  targetMs: fc.integer({ min: 1, max: 20 * 7 * HOUR }),
  extendedMs: fc.integer({ min: 0, max: 5 * 7 * HOUR }),
  gaps: fc.array(fc.integer({ min: 1, max: 4 * 24 * HOUR }), { maxLength: 8 }),
});

describe.each(MEASURES)('clock arithmetic in %s', (_name, measure) => {
  it('never loses or gains time, whatever the pauses: the running spans up to the deadline add up to the allowance', () => {
    fc.assert(
      fc.property(schedule, ({ start, targetMs, extendedMs, gaps }) => {
        let clock: ClockTime = { targetMs, extendedMs, usedMs: 0, runningSince: new Date(start) };
        const running: [Date, Date][] = [];
        let t = start;
        for (const [i, gap] of gaps.entries()) {
          t += gap;
          const now = new Date(t);
          if (i % 2 === 0) {
            running.push([clock.runningSince!, now]);
            clock = standStill(clock, measure, now);
          } else clock = { ...clock, runningSince: now };
        }
        if (!clock.runningSince) clock = { ...clock, runningSince: new Date(t + 1) };
        const due = dueOf(clock, measure)!;
        const spent = running.reduce((sum, [a, b]) => sum + measure.between(a, b), 0);
        expect(clock.usedMs).toBe(spent);
        if (spent < allowedMs(clock)) {
          expect(spent + measure.between(clock.runningSince!, due)).toBe(allowedMs(clock));
          expect(usedAt(clock, measure, due)).toBe(allowedMs(clock));
        } else {
          // Already over before the last resume: due as soon as it runs again.
          expect(due).toEqual(clock.runningSince);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('reaches its thresholds in order, the last one at the deadline', () => {
    fc.assert(
      fc.property(schedule, ({ start, targetMs, extendedMs }) => {
        const clock: ClockTime = { targetMs, extendedMs, usedMs: 0, runningSince: new Date(start) };
        const [yellow, orange, red] = [50, 80, 100].map((p) => momentOf(clock, measure, p)!.getTime());
        expect(yellow).toBeLessThanOrEqual(orange);
        expect(orange).toBeLessThanOrEqual(red);
        expect(red).toBe(dueOf(clock, measure)!.getTime());
      }),
      { numRuns: 300 },
    );
  });
});

describe('deadlines on the working calendar', () => {
  it('never land in a holiday, a weekend or a lunch break', () => {
    const measure = workingTime(calendar);
    fc.assert(
      fc.property(schedule, ({ start, targetMs }) => {
        const due = dueOf({ targetMs, extendedMs: 0, usedMs: 0, runningSince: new Date(start) }, measure)!;
        const day = calendar.day(beijingDate(due));
        expect(day.working).toBe(true);
        // Inside the day's working time: the millisecond before the deadline is working time.
        expect(calendar.workingTimeBetween(new Date(due.getTime() - 1), due)).toBe(1);
      }),
      { numRuns: 400 },
    );
  });

  it('counts a working-day extension as one full day of the office hours', () => {
    expect(
      extensionMs('working_days', 10, [
        { start: '08:30', end: '12:00' },
        { start: '14:00', end: '17:30' },
      ]),
    ).toBe(70 * HOUR);
    expect(extensionMs('minutes', 30, [])).toBe(30 * 60_000);
  });

  it('names the levels from the top: the warning below 100% is orange, the one below that yellow', () => {
    expect([50, 80, 100].map((p) => levelOf([50, 80, 100], p))).toEqual(['yellow', 'orange', 'red']);
    expect(levelOf([75, 100], 75)).toBe('orange');
  });
});
