export type CalendarDayKind = 'holiday' | 'workday';

/** One day the weekday rule does not decide: a holiday, or a 调休 weekend day that is worked. */
export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

const holidays = (name: string, ...dates: string[]): CalendarDay[] =>
  dates.map((date) => ({ date, kind: 'holiday', name }));
const makeup = (name: string, ...dates: string[]): CalendarDay[] =>
  dates.map((date) => ({ date, kind: 'workday', name: `${name}调休上班` }));

const range = (first: string, last: string): string[] => {
  const out: string[] = [];
  for (let t = Date.parse(first); t <= Date.parse(last); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
};

/**
 * Sources: 国务院办公厅关于2025年部分节假日安排的通知 and 国务院办公厅关于2026年部分节假日安排的通知.
 * A new year's notice goes into the admins' override table first, then here with STATUTORY_YEARS.
 */
export const STATUTORY_DAYS: readonly CalendarDay[] = Object.freeze(
  [
    // 2025
    ...holidays('元旦', '2025-01-01'),
    ...holidays('春节', ...range('2025-01-28', '2025-02-04')),
    ...makeup('春节', '2025-01-26', '2025-02-08'),
    ...holidays('清明节', ...range('2025-04-04', '2025-04-06')),
    ...holidays('劳动节', ...range('2025-05-01', '2025-05-05')),
    ...makeup('劳动节', '2025-04-27'),
    ...holidays('端午节', ...range('2025-05-31', '2025-06-02')),
    ...holidays('国庆节、中秋节', ...range('2025-10-01', '2025-10-08')),
    ...makeup('国庆节、中秋节', '2025-09-28', '2025-10-11'),
    // 2026
    ...holidays('元旦', ...range('2026-01-01', '2026-01-03')),
    ...makeup('元旦', '2026-01-04'),
    ...holidays('春节', ...range('2026-02-15', '2026-02-23')),
    ...makeup('春节', '2026-02-14', '2026-02-28'),
    ...holidays('清明节', ...range('2026-04-04', '2026-04-06')),
    ...holidays('劳动节', ...range('2026-05-01', '2026-05-05')),
    ...makeup('劳动节', '2026-05-09'),
    ...holidays('端午节', ...range('2026-06-19', '2026-06-21')),
    ...holidays('中秋节', ...range('2026-09-25', '2026-09-27')),
    ...holidays('国庆节', ...range('2026-10-01', '2026-10-07')),
    ...makeup('国庆节', '2026-09-20', '2026-10-10'),
  ]
    .sort((a, b) => (a.date < b.date ? -1 : 1))
    .map((d) => Object.freeze(d)),
);

export const STATUTORY_YEARS: readonly number[] = Object.freeze([2025, 2026]);
