import fc from 'fast-check';
import {
  beijingDate,
  DEFAULT_WORKING_HOURS,
  WorkingCalendar,
  type CalendarDay,
  type WorkingPeriod,
} from './index';

const MIN = 60_000;
const DAY = 86_400_000;
const OFFSET = 8 * 3_600_000;
const FIRST = Date.UTC(2025, 0, 1) - OFFSET; // 2025-01-01 00:00 Beijing
const LAST = Date.UTC(2027, 2, 1) - OFFSET; // 2027-03-01 00:00 Beijing
const RUNS = { numRuns: 500 };

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** 1–3 valid periods at random minutes, sometimes touching; or the default hours. */
const hoursArb: fc.Arbitrary<readonly WorkingPeriod[]> = fc.oneof(
  fc.constant(DEFAULT_WORKING_HOURS),
  fc
    .integer({ min: 1, max: 3 })
    .chain((k) =>
      fc.tuple(
        fc.uniqueArray(fc.integer({ min: 0, max: 1440 }), { minLength: 2 * k, maxLength: 2 * k }),
        fc.array(fc.boolean(), { minLength: k, maxLength: k }),
      ),
    )
    .map(([points, touch]) => {
      const b = [...points].sort((x, y) => x - y);
      const periods: { start: number; end: number }[] = [];
      for (let i = 0; i < b.length; i += 2) {
        const prev = periods[periods.length - 1];
        periods.push({ start: prev && touch[i / 2] ? prev.end : b[i], end: b[i + 1] });
      }
      return periods.map((p) => ({ start: hhmm(p.start), end: hhmm(p.end) }));
    }),
);

/** A random admins' table for 2027: holidays on weekdays and make-up days on weekends among them. */
const overridesArb: fc.Arbitrary<CalendarDay[]> = fc
  .uniqueArray(fc.record({ day: fc.integer({ min: 0, max: 364 }), holiday: fc.boolean() }), {
    selector: (r) => r.day,
    maxLength: 40,
  })
  .map((rows) =>
    rows.map(({ day, holiday }) => ({
      date: new Date(Date.UTC(2027, 0, 1) + day * DAY).toISOString().slice(0, 10),
      kind: holiday ? 'holiday' : 'workday',
      name: holiday ? '假日' : '调休上班',
    })),
  );

const calendarArb = fc
  .record({ hours: hoursArb, overrides: overridesArb })
  .map((options) => new WorkingCalendar(options));

/** Instants across the range, at any ms, and bunched around period boundaries where off-by-ones live. */
const instantArb = (cal: WorkingCalendar): fc.Arbitrary<Date> => {
  const boundaries = [0, ...cal.hours.periods.flatMap((p) => [p.startMs, p.endMs])];
  return fc
    .oneof(
      fc.integer({ min: FIRST, max: LAST }),
      fc
        .tuple(
          fc.integer({ min: 0, max: (LAST - FIRST) / DAY }),
          fc.constantFrom(...boundaries),
          fc.oneof(fc.constant(0), fc.integer({ min: -MIN, max: MIN })),
        )
        .map(([day, boundary, delta]) => FIRST + day * DAY + boundary + delta),
    )
    .map((t) => new Date(t));
};

/** 0..40 working days' worth, with whole days and whole periods favoured. */
const durationArb = (cal: WorkingCalendar): fc.Arbitrary<number> => {
  const { dailyMs, periods } = cal.hours;
  return fc.oneof(
    fc.integer({ min: 0, max: 40 * dailyMs }),
    fc.integer({ min: 0, max: 40 }).map((n) => n * dailyMs),
    fc
      .tuple(fc.integer({ min: 0, max: 40 }), fc.constantFrom(...periods))
      .map(([n, p]) => n * dailyMs + p.endMs - p.startMs),
    fc.integer({ min: 1, max: 10 * MIN }),
  );
};

const positive = (cal: WorkingCalendar) => durationArb(cal).filter((ms) => ms > 0);

/** Where an instant sits: its Beijing day and ms since that midnight. */
const local = (t: Date) => {
  const l = t.getTime() + OFFSET;
  const day = Math.floor(l / DAY);
  return { day, tod: l - day * DAY };
};
const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/** t is in (start, end] of a period of a working day; an end of 24:00 is the next midnight. */
const isAtWork = (cal: WorkingCalendar, t: Date): boolean => {
  const { day, tod } = local(t);
  if (tod === 0 && cal.hours.closeMs === DAY) return cal.isWorkingDay(dateOf(day - 1));
  return cal.isWorkingDay(dateOf(day)) && cal.hours.periods.some((p) => tod > p.startMs && tod <= p.endMs);
};

describe('working time properties', () => {
  it('workingTimeBetween(from, addWorkingTime(from, ms)) === ms, and nothing earlier has ms', () => {
    fc.assert(
      fc.property(
        calendarArb.chain((cal) => fc.tuple(fc.constant(cal), instantArb(cal), durationArb(cal))),
        ([cal, from, ms]) => {
          const t = cal.addWorkingTime(from, ms);
          expect(cal.workingTimeBetween(from, t)).toBe(ms);
          if (ms === 0) expect(t.getTime()).toBe(from.getTime());
          else expect(cal.workingTimeBetween(from, new Date(t.getTime() - 1))).toBe(ms - 1);
        },
      ),
      RUNS,
    );
  });

  it('for ms > 0 lands inside a working period of a working day, never in a break, weekend or holiday', () => {
    fc.assert(
      fc.property(
        calendarArb.chain((cal) => fc.tuple(fc.constant(cal), instantArb(cal), positive(cal))),
        ([cal, from, ms]) => {
          expect(isAtWork(cal, cal.addWorkingTime(from, ms))).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('closeOfWorkingDay is the close of business of the n-th working day after from, not counting from', () => {
    fc.assert(
      fc.property(
        calendarArb.chain((cal) =>
          fc.tuple(fc.constant(cal), instantArb(cal), fc.integer({ min: 1, max: 40 })),
        ),
        ([cal, from, n]) => {
          const t = cal.closeOfWorkingDay(from, n);
          const { day, tod } = local(t);
          const closeDay = tod === cal.hours.closeMs ? day : day - 1; // a 24:00 close reads as next midnight
          expect(closeDay * DAY + cal.hours.closeMs).toBe(t.getTime() + OFFSET);
          const fromDay = local(from).day;
          const counted = cal.describeRange(dateOf(fromDay + 1), dateOf(closeDay)).filter((d) => d.working);
          expect(counted).toHaveLength(n);
          expect(counted[n - 1].date).toBe(dateOf(closeDay));
        },
      ),
      RUNS,
    );
  });

  it('is additive: adding a then b is adding a + b', () => {
    fc.assert(
      fc.property(
        calendarArb.chain((cal) => fc.tuple(fc.constant(cal), instantArb(cal), positive(cal), positive(cal))),
        ([cal, from, a, b]) => {
          expect(cal.addWorkingTime(cal.addWorkingTime(from, a), b)).toEqual(cal.addWorkingTime(from, a + b));
        },
      ),
      RUNS,
    );
  });

  it('splits: between(a, c) = between(a, b) + between(b, c) for a ≤ b ≤ c', () => {
    fc.assert(
      fc.property(
        calendarArb.chain((cal) =>
          fc.tuple(fc.constant(cal), instantArb(cal), instantArb(cal), instantArb(cal)),
        ),
        ([cal, ...instants]) => {
          const [a, b, c] = instants.sort((x, y) => x.getTime() - y.getTime());
          expect(cal.workingTimeBetween(a, c)).toBe(
            cal.workingTimeBetween(a, b) + cal.workingTimeBetween(b, c),
          );
          expect(cal.workingTimeBetween(c, a)).toBe(0);
        },
      ),
      RUNS,
    );
  });

  it('is monotonic: more working time never gives an earlier instant', () => {
    fc.assert(
      fc.property(
        calendarArb.chain((cal) =>
          fc.tuple(fc.constant(cal), instantArb(cal), durationArb(cal), durationArb(cal)),
        ),
        ([cal, from, x, y]) => {
          const [less, more] = x <= y ? [x, y] : [y, x];
          expect(cal.addWorkingTime(from, less).getTime()).toBeLessThanOrEqual(
            cal.addWorkingTime(from, more).getTime(),
          );
        },
      ),
      RUNS,
    );
  });

  it('agrees with a minute-by-minute count over up to 3 days', () => {
    fc.assert(
      fc.property(
        calendarArb.chain((cal) =>
          fc.tuple(
            fc.constant(cal),
            fc.integer({ min: FIRST / MIN, max: LAST / MIN }),
            fc.integer({ min: 0, max: 3 * 1440 }),
          ),
        ),
        ([cal, fromMinute, minutes]) => {
          const working = new Map<number, boolean>();
          let expected = 0;
          for (let m = fromMinute; m < fromMinute + minutes; m++) {
            const { day, tod } = local(new Date(m * MIN));
            if (!working.has(day)) working.set(day, cal.isWorkingDay(beijingDate(new Date(m * MIN))));
            if (working.get(day) && cal.hours.periods.some((p) => tod >= p.startMs && tod < p.endMs)) {
              expected += MIN;
            }
          }
          const a = new Date(fromMinute * MIN);
          const b = new Date((fromMinute + minutes) * MIN);
          expect(cal.workingTimeBetween(a, b)).toBe(expected);
        },
      ),
      RUNS,
    );
  });

  it('agrees with a day-by-day count over long ranges (where it jumps whole weeks)', () => {
    fc.assert(
      fc.property(
        calendarArb.chain((cal) =>
          fc.tuple(fc.constant(cal), instantArb(cal), fc.integer({ min: 0, max: 800 * DAY })),
        ),
        ([cal, a, span]) => {
          const b = new Date(a.getTime() + span);
          const from = local(a);
          const to = local(b);
          const overlap = (lo: number, hi: number) =>
            cal.hours.periods.reduce(
              (sum, p) => sum + Math.max(0, Math.min(hi, p.endMs) - Math.max(lo, p.startMs)),
              0,
            );
          let expected = 0;
          for (const d of cal.describeRange(dateOf(from.day), dateOf(to.day))) {
            if (!d.working) continue;
            const day = Date.parse(d.date) / DAY;
            expected += overlap(day === from.day ? from.tod : 0, day === to.day ? to.tod : DAY);
          }
          expect(cal.workingTimeBetween(a, b)).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
