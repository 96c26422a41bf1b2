import { beijingDate, beijingInstant } from './index';

describe('Beijing conversions', () => {
  it('puts an instant after 16:00 UTC on the next Beijing date', () => {
    expect(beijingDate(new Date('2026-12-31T15:59:59.999Z'))).toBe('2026-12-31');
    expect(beijingDate(new Date('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01');
    expect(beijingDate(new Date('2027-01-01T00:00:00.000Z'))).toBe('2027-01-01');
    expect(beijingDate(new Date('2027-01-01T15:59:59.999Z'))).toBe('2027-01-01');
    expect(beijingDate(new Date('1969-12-31T16:00:00.000Z'))).toBe('1970-01-01');
    expect(beijingDate(new Date('1969-12-31T15:59:59.999Z'))).toBe('1969-12-31');
  });

  it('turns a Beijing wall-clock time into the instant 8 hours earlier in UTC', () => {
    expect(beijingInstant('2027-01-01', '00:00')).toEqual(new Date('2026-12-31T16:00:00Z'));
    expect(beijingInstant('2027-01-01', '07:59')).toEqual(new Date('2026-12-31T23:59:00Z'));
    expect(beijingInstant('2027-01-01', '08:00')).toEqual(new Date('2027-01-01T00:00:00Z'));
    expect(beijingInstant('2026-09-30', '24:00')).toEqual(beijingInstant('2026-10-01', '00:00'));
    expect(beijingInstant('2024-02-29', '17:30')).toEqual(new Date('2024-02-29T09:30:00Z'));
  });

  it('round-trips the date of every minute around a UTC midnight', () => {
    for (let m = -24 * 60; m < 24 * 60; m++) {
      const t = new Date(Date.UTC(2026, 5, 1) + m * 60_000);
      const date = beijingDate(t);
      expect(beijingInstant(date, '00:00').getTime()).toBeLessThanOrEqual(t.getTime());
      expect(beijingInstant(date, '24:00').getTime()).toBeGreaterThan(t.getTime());
    }
  });

  it('refuses invalid input', () => {
    expect(() => beijingDate(new Date(NaN))).toThrow(RangeError);
    expect(() => beijingInstant('2026-02-29', '08:00')).toThrow(RangeError);
    expect(() => beijingInstant('2026-03-01', '8:00')).toThrow(RangeError);
    expect(() => beijingInstant('2026-03-01', '24:01')).toThrow(RangeError);
  });
});
