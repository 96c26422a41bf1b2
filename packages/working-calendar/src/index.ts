export { STATUTORY_DAYS, STATUTORY_YEARS, type CalendarDay, type CalendarDayKind } from './statutory-days';
export {
  DEFAULT_WORKING_HOURS,
  parseWorkingHours,
  WorkingHoursError,
  type ParsedPeriod,
  type ParsedWorkingHours,
  type WorkingPeriod,
} from './working-hours';
export { WorkingCalendar, type DayInfo, type WorkingCalendarOptions } from './working-calendar';
export { beijingDate, beijingInstant } from './beijing-time';
