import { WorkingCalendar } from '@fengqiao/working-calendar';

const DAY_MS = 86_400_000;
const calendar = new WorkingCalendar();

const addDays = (day: string, days: number) =>
  new Date(Date.parse(day) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * The last day to apply for 司法确认 of an agreement that took effect on `effectiveDay` (Beijing):
 * 人民调解法第33条 allows 自调解协议生效之日起三十日内. The day it took effect is not counted (民事诉讼法
 * 第85条: 期间开始的日，不计算在期间内), so the 30th day is effectiveDay + 30; when that day is a 法定休假日
 * (a weekend or a statutory holiday), the period ends on the first working day after it.
 */
export function confirmationDeadline(effectiveDay: string, cal: WorkingCalendar = calendar): string {
  let day = addDays(effectiveDay, 30);
  while (!cal.isWorkingDay(day)) day = addDays(day, 1);
  return day;
}
