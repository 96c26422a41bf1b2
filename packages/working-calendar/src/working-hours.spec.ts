import {
  DEFAULT_WORKING_HOURS,
  parseWorkingHours,
  WorkingCalendar,
  WorkingHoursError,
  type WorkingPeriod,
} from './index';

const failure = (periods: readonly WorkingPeriod[]) => {
  try {
    parseWorkingHours(periods);
  } catch (e) {
    if (e instanceof WorkingHoursError) return { field: e.field, zh: e.zh, message: e.message };
    throw e;
  }
  throw new Error('expected a WorkingHoursError');
};

describe('parseWorkingHours', () => {
  it('parses the default hours into ms since Beijing midnight', () => {
    expect(parseWorkingHours(DEFAULT_WORKING_HOURS)).toEqual({
      periods: [
        { startMs: 510 * 60_000, endMs: 720 * 60_000 },
        { startMs: 840 * 60_000, endMs: 1050 * 60_000 },
      ],
      dailyMs: 7 * 3_600_000,
      closeMs: 1050 * 60_000,
    });
  });

  it('accepts 00:00, 24:00 and touching periods', () => {
    expect(
      parseWorkingHours([
        { start: '00:00', end: '12:00' },
        { start: '12:00', end: '24:00' },
      ]).dailyMs,
    ).toBe(86_400_000);
  });

  it.each([
    [[], 'periods', '至少需要一个工作时段'],
    [[{ start: '8:30', end: '12:00' }], 'periods[0].start', '开始时间应为 00:00 至 23:59 之间的 HH:MM'],
    [[{ start: '24:00', end: '24:00' }], 'periods[0].start', '开始时间应为 00:00 至 23:59 之间的 HH:MM'],
    [[{ start: '08:60', end: '12:00' }], 'periods[0].start', '开始时间应为 00:00 至 23:59 之间的 HH:MM'],
    [[{ start: '08:30', end: '24:30' }], 'periods[0].end', '结束时间应为 00:01 至 24:00 之间的 HH:MM'],
    [[{ start: '08:30', end: '' }], 'periods[0].end', '结束时间应为 00:01 至 24:00 之间的 HH:MM'],
    [[{ start: '12:00', end: '12:00' }], 'periods[0].end', '结束时间须晚于开始时间'],
    [[{ start: '12:00', end: '08:30' }], 'periods[0].end', '结束时间须晚于开始时间'],
    [
      [
        { start: '14:00', end: '17:30' },
        { start: '08:30', end: '12:00' },
      ],
      'periods[1].start',
      '工作时段须按时间先后排列',
    ],
    [
      [
        { start: '08:30', end: '12:00' },
        { start: '11:00', end: '17:30' },
      ],
      'periods[1].start',
      '与上一个工作时段重叠',
    ],
    [
      [
        { start: '08:30', end: '12:00' },
        { start: '14:00', end: '17:30' },
        { start: '17:00', end: '18:00' },
      ],
      'periods[2].start',
      '与上一个工作时段重叠',
    ],
  ] as [WorkingPeriod[], string, string][])('refuses %j at %s', (periods, field, zh) => {
    const e = failure(periods);
    expect(e).toMatchObject({ field, zh });
    expect(e.message).toMatch(/\w/);
  });

  it('refuses what is not a list of periods, and the calendar passes the error on', () => {
    expect(failure(null as unknown as WorkingPeriod[]).field).toBe('periods');
    expect(failure([null as unknown as WorkingPeriod]).field).toBe('periods[0].start');
    expect(() => new WorkingCalendar({ hours: [{ start: '09:00', end: '08:00' }] })).toThrow(
      WorkingHoursError,
    );
    const err = new WorkingHoursError(
      'periods[1].end',
      'must be later than the start',
      '结束时间须晚于开始时间',
    );
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('WorkingHoursError');
  });
});
