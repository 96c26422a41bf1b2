import { beijingInstant, STATUTORY_DAYS, STATUTORY_YEARS, WorkingCalendar, type CalendarDay } from './index';

const HOUR = 3_600_000;
const WORKING_DAY = 7 * HOUR; // 08:30–12:00 + 14:00–17:30
const at = (date: string, time: string) => beijingInstant(date, time);

describe('statutory data', () => {
  it('covers 2025 and 2026, once per date, sorted, make-up days only on weekends', () => {
    expect(STATUTORY_YEARS).toEqual([2025, 2026]);
    expect(new Set(STATUTORY_DAYS.map((d) => Number(d.date.slice(0, 4))))).toEqual(new Set([2025, 2026]));
    const dates = STATUTORY_DAYS.map((d) => d.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
    for (const d of STATUTORY_DAYS.filter((x) => x.kind === 'workday')) {
      expect([0, 6]).toContain(new Date(d.date).getUTCDay());
      expect(d.name).toMatch(/调休上班$/);
    }
  });

  it('has the notices’ holiday counts and make-up days', () => {
    const count = (year: string, kind: CalendarDay['kind']) =>
      STATUTORY_DAYS.filter((d) => d.date.startsWith(year) && d.kind === kind).length;
    expect(count('2025', 'holiday')).toBe(1 + 8 + 3 + 5 + 3 + 8);
    expect(count('2026', 'holiday')).toBe(3 + 9 + 3 + 5 + 3 + 3 + 7);
    const makeups = (year: string) =>
      STATUTORY_DAYS.filter((d) => d.date.startsWith(year) && d.kind === 'workday').map((d) => d.date);
    expect(makeups('2025')).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    expect(makeups('2026')).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });
});

describe('day()', () => {
  const cal = new WorkingCalendar();

  it('names each kind and where the answer came from', () => {
    expect(cal.day('2026-09-23')).toEqual({
      date: '2026-09-23',
      working: true,
      kind: 'workday',
      source: 'weekday',
    });
    expect(cal.day('2026-09-19')).toEqual({
      date: '2026-09-19',
      working: false,
      kind: 'weekend',
      source: 'weekday',
    });
    expect(cal.day('2026-10-01')).toEqual({
      date: '2026-10-01',
      working: false,
      kind: 'holiday',
      name: '国庆节',
      source: 'statutory',
    });
    expect(cal.day('2026-10-03')).toMatchObject({ working: false, kind: 'holiday', name: '国庆节' }); // a Saturday
    expect(cal.day('2026-09-20')).toEqual({
      date: '2026-09-20',
      working: true,
      kind: 'makeup_workday',
      name: '国庆节调休上班',
      source: 'statutory',
    });
    expect(cal.day('2025-10-06')).toMatchObject({ working: false, name: '国庆节、中秋节' });
    expect(cal.isWorkingDay('2025-01-26')).toBe(true);
    expect(cal.isWorkingDay('2025-02-03')).toBe(false);
  });

  it('refuses what is not a calendar date', () => {
    expect(() => cal.day('2026-02-30')).toThrow(RangeError);
    expect(() => cal.day('2026-9-1')).toThrow(RangeError);
    expect(() => cal.isWorkingDay('')).toThrow(RangeError);
  });

  it('knows the statutory years only', () => {
    expect(cal.knowsYear(2025)).toBe(true);
    expect(cal.knowsYear(2026)).toBe(true);
    expect(cal.knowsYear(2024)).toBe(false);
    expect(cal.knowsYear(2027)).toBe(false);
  });

  it('refuses a malformed or ambiguous override table', () => {
    const row = (date: string, kind = 'holiday'): CalendarDay => ({ date, kind, name: 'x' }) as CalendarDay;
    expect(() => new WorkingCalendar({ overrides: [row('2027-13-01')] })).toThrow(/overrides\[0\]\.date/);
    expect(() => new WorkingCalendar({ overrides: [row('2027-01-01', 'off')] })).toThrow(
      /overrides\[0\]\.kind/,
    );
    expect(
      () => new WorkingCalendar({ overrides: [row('2027-01-01'), row('2027-01-01', 'workday')] }),
    ).toThrow(/overrides\[1\]\.date 2027-01-01 is listed twice/);
  });
});

describe('describeRange', () => {
  it('lists every day of the National Day week with why it counts or not', () => {
    const days = new WorkingCalendar().describeRange('2026-09-30', '2026-10-11');
    expect(days.map((d) => [d.date.slice(5), d.kind, d.name ?? ''])).toEqual([
      ['09-30', 'workday', ''],
      ['10-01', 'holiday', '国庆节'],
      ['10-02', 'holiday', '国庆节'],
      ['10-03', 'holiday', '国庆节'],
      ['10-04', 'holiday', '国庆节'],
      ['10-05', 'holiday', '国庆节'],
      ['10-06', 'holiday', '国庆节'],
      ['10-07', 'holiday', '国庆节'],
      ['10-08', 'workday', ''],
      ['10-09', 'workday', ''],
      ['10-10', 'makeup_workday', '国庆节调休上班'],
      ['10-11', 'weekend', ''],
    ]);
    expect(days.filter((d) => d.working).map((d) => d.date)).toEqual([
      '2026-09-30',
      '2026-10-08',
      '2026-10-09',
      '2026-10-10',
    ]);
  });

  it('is empty when the range is backwards, and refuses one too long to read', () => {
    const cal = new WorkingCalendar();
    expect(cal.describeRange('2026-01-02', '2026-01-01')).toEqual([]);
    expect(cal.describeRange('2026-01-01', '2026-01-01')).toHaveLength(1);
    expect(() => cal.describeRange('2000-01-01', '2026-01-01')).toThrow(RangeError);
  });
});

describe('deadlines', () => {
  it('2026 National Day week with its 调休 days', () => {
    const cal = new WorkingCalendar();

    // Accepted Fri 09-18 16:00. Counting from the next day: Sat 09-19 off, Sun 09-20 调休 (1),
    // Mon–Thu 09-21..09-24 (2–5); 09-25..09-27 中秋节; Mon 09-28 (6).
    const friday = at('2026-09-18', '16:00');
    expect(cal.closeOfWorkingDay(friday, 5)).toEqual(new Date('2026-09-24T09:30:00Z')); // 17:30 Beijing
    expect(cal.closeOfWorkingDay(friday, 6)).toEqual(new Date('2026-09-28T09:30:00Z'));
    // 5 working days of time: 1.5 h on 09-18, 7 h each on 09-20..09-23 (29.5 h), then 5.5 h on
    // 09-24 = 3.5 h in the morning + 2 h from 14:00 → 16:00.
    expect(cal.addWorkingTime(friday, 5 * WORKING_DAY)).toEqual(new Date('2026-09-24T08:00:00Z'));

    // Accepted 09-30: 10-01..10-07 国庆节, then Thu 10-08 (1), Fri 10-09 (2), 调休 Sat 10-10 (3).
    expect(cal.closeOfWorkingDay(at('2026-09-30', '10:00'), 3)).toEqual(new Date('2026-10-10T09:30:00Z'));
    expect(cal.closeOfWorkingDay(at('2026-09-30', '10:00'), 4)).toEqual(new Date('2026-10-12T09:30:00Z'));

    // 2 h from 09-30 17:00: 30 min to the close, then 1.5 h from 10-08 08:30 → 10:00.
    const late = at('2026-09-30', '17:00');
    const due = cal.addWorkingTime(late, 2 * HOUR);
    expect(due).toEqual(new Date('2026-10-08T02:00:00Z'));
    expect(cal.workingTimeBetween(late, due)).toBe(2 * HOUR);
    // 30 min exactly ends at 09-30's close, not at the next opening.
    expect(cal.addWorkingTime(late, HOUR / 2)).toEqual(new Date('2026-09-30T09:30:00Z'));
    expect(cal.workingTimeBetween(at('2026-09-30', '00:00'), at('2026-10-11', '00:00'))).toBe(
      4 * WORKING_DAY,
    );
  });

  it('a deadline that spans the new year into a year only the override table knows', () => {
    const plain = new WorkingCalendar();
    expect(plain.knowsYear(2027)).toBe(false);
    expect(plain.day('2027-01-01')).toMatchObject({ working: true, kind: 'workday', source: 'weekday' }); // a Friday

    const overrides: CalendarDay[] = [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-02-06', kind: 'workday', name: '春节调休上班' }, // hypothetical, a Saturday
      { date: '2026-10-10', kind: 'holiday', name: '调休取消' }, // overrides a statutory make-up day
    ];
    const cal = new WorkingCalendar({ overrides });
    expect(cal.knowsYear(2027)).toBe(true);
    expect(cal.knowsYear(2028)).toBe(false);
    expect(cal.day('2027-01-01')).toEqual({
      date: '2027-01-01',
      working: false,
      kind: 'holiday',
      name: '元旦',
      source: 'override',
    });
    expect(cal.day('2027-02-06')).toMatchObject({
      working: true,
      kind: 'makeup_workday',
      source: 'override',
    });

    // From Mon 2026-12-28, not counting that day: Tue 12-29 (1), Wed 12-30 (2), Thu 12-31 (3),
    // [Fri 01-01 元旦, Sat–Sun 01-02..01-03], Mon 01-04 (4), Tue 01-05 (5).
    const monday = at('2026-12-28', '09:00');
    expect(cal.closeOfWorkingDay(monday, 5)).toEqual(new Date('2027-01-05T09:30:00Z'));
    expect(plain.closeOfWorkingDay(monday, 5)).toEqual(new Date('2027-01-04T09:30:00Z'));
    // 35 h from 12-28 09:00: 6.5 h that day, 7 h each on 12-29..12-31 (27.5 h), 7 h on 01-04
    // (34.5 h), then 30 min from 01-05 08:30 → 09:00.
    expect(cal.addWorkingTime(monday, 5 * WORKING_DAY)).toEqual(new Date('2027-01-05T01:00:00Z'));
    expect(plain.addWorkingTime(monday, 5 * WORKING_DAY)).toEqual(new Date('2027-01-04T01:00:00Z'));

    // The override wins over the statutory 调休 Saturday; without overrides it is worked.
    expect(plain.day('2026-10-10')).toMatchObject({ working: true, source: 'statutory' });
    expect(cal.day('2026-10-10')).toMatchObject({
      working: false,
      kind: 'holiday',
      name: '调休取消',
      source: 'override',
    });
    expect(cal.closeOfWorkingDay(at('2026-09-30', '10:00'), 3)).toEqual(new Date('2026-10-12T09:30:00Z'));
    // And a statutory holiday can be made a working day (a weekday, so kind 'workday').
    const reopened = new WorkingCalendar({
      overrides: [{ date: '2026-10-07', kind: 'workday', name: '恢复上班' }],
    });
    expect(reopened.day('2026-10-07')).toEqual({
      date: '2026-10-07',
      working: true,
      kind: 'workday',
      name: '恢复上班',
      source: 'override',
    });
  });

  it('starts counting at the next opening when from is at night, in a break, or on a day off', () => {
    const cal = new WorkingCalendar();
    expect(cal.addWorkingTime(at('2026-03-02', '06:00'), HOUR)).toEqual(at('2026-03-02', '09:30'));
    expect(cal.addWorkingTime(at('2026-03-02', '12:30'), HOUR)).toEqual(at('2026-03-02', '15:00'));
    expect(cal.addWorkingTime(at('2026-03-02', '11:30'), HOUR)).toEqual(at('2026-03-02', '14:30'));
    expect(cal.addWorkingTime(at('2026-03-01', '10:00'), HOUR)).toEqual(at('2026-03-02', '09:30')); // a Sunday
    expect(cal.addWorkingTime(at('2026-03-02', '20:00'), WORKING_DAY)).toEqual(at('2026-03-03', '17:30'));
    expect(cal.addWorkingTime(at('2026-03-02', '20:00'), 0)).toEqual(at('2026-03-02', '20:00'));
    expect(cal.workingTimeBetween(at('2026-03-02', '12:00'), at('2026-03-02', '14:00'))).toBe(0);
  });

  it('counts a long stretch past the data, a 24:00 close, and refuses bad arguments', () => {
    const cal = new WorkingCalendar();
    // 2030 has no listed days: 52 weeks of 5 days, from Mon 2029-12-31 to Mon 2030-12-30.
    expect(cal.workingTimeBetween(at('2029-12-31', '00:00'), at('2030-12-30', '00:00'))).toBe(
      260 * WORKING_DAY,
    );
    expect(cal.addWorkingTime(at('2029-12-31', '00:00'), 260 * WORKING_DAY)).toEqual(
      at('2030-12-27', '17:30'),
    );
    const night = new WorkingCalendar({ hours: [{ start: '22:00', end: '24:00' }] });
    expect(night.closeOfWorkingDay(at('2026-03-02', '23:00'), 1)).toEqual(at('2026-03-04', '00:00'));
    expect(night.addWorkingTime(at('2026-03-06', '23:00'), HOUR)).toEqual(at('2026-03-07', '00:00')); // Fri → 24:00
    expect(() => cal.addWorkingTime(new Date(NaN), 1)).toThrow(RangeError);
    expect(() => cal.addWorkingTime(new Date(), -1)).toThrow(RangeError);
    expect(() => cal.addWorkingTime(new Date(), 1.5)).toThrow(RangeError);
    expect(() => cal.closeOfWorkingDay(new Date(), 0)).toThrow(RangeError);
  });
});
