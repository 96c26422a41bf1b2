import { tryMinutes } from './beijing-time';

/** A Beijing wall-clock period [start, end), 'HH:MM'; end may be '24:00'. */
export interface WorkingPeriod {
  start: string;
  end: string;
}

/** A period as ms since Beijing midnight. */
export interface ParsedPeriod {
  startMs: number;
  endMs: number;
}

export interface ParsedWorkingHours {
  /** Ordered, non-overlapping, non-empty. */
  periods: readonly ParsedPeriod[];
  /** Working time in one working day. */
  dailyMs: number;
  /** End of the last period: close of business. */
  closeMs: number;
}

export const DEFAULT_WORKING_HOURS: readonly WorkingPeriod[] = Object.freeze([
  Object.freeze({ start: '08:30', end: '12:00' }),
  Object.freeze({ start: '14:00', end: '17:30' }),
]);

/** A bad working-hours setting; message is the English reason, zh the Chinese one, for a FieldProblem. */
export class WorkingHoursError extends Error {
  constructor(
    public readonly field: string,
    message: string,
    public readonly zh: string,
  ) {
    super(message);
    this.name = 'WorkingHoursError';
  }
}

/** Throws WorkingHoursError when periods are malformed, unordered, overlapping, empty or outside 00:00–24:00. */
export function parseWorkingHours(periods: readonly WorkingPeriod[]): ParsedWorkingHours {
  if (!Array.isArray(periods) || periods.length === 0) {
    throw new WorkingHoursError('periods', 'at least one working period is required', '至少需要一个工作时段');
  }
  const parsed: ParsedPeriod[] = [];
  periods.forEach((p: WorkingPeriod | undefined, i) => {
    const start = tryMinutes(p?.start as string, false);
    if (start === undefined) {
      throw new WorkingHoursError(
        `periods[${i}].start`,
        'must be a time HH:MM from 00:00 to 23:59',
        '开始时间应为 00:00 至 23:59 之间的 HH:MM',
      );
    }
    const end = tryMinutes(p?.end as string, true);
    if (end === undefined) {
      throw new WorkingHoursError(
        `periods[${i}].end`,
        'must be a time HH:MM from 00:01 to 24:00',
        '结束时间应为 00:01 至 24:00 之间的 HH:MM',
      );
    }
    if (end <= start) {
      throw new WorkingHoursError(
        `periods[${i}].end`,
        'must be later than the start',
        '结束时间须晚于开始时间',
      );
    }
    const prev = parsed[i - 1];
    if (prev && start < prev.startMs / 60_000) {
      throw new WorkingHoursError(
        `periods[${i}].start`,
        'periods must be in time order',
        '工作时段须按时间先后排列',
      );
    }
    // Touching periods (12:00–13:00 after 08:00–12:00) are allowed; overlapping ones would count time twice.
    if (prev && start < prev.endMs / 60_000) {
      throw new WorkingHoursError(
        `periods[${i}].start`,
        'overlaps the previous period',
        '与上一个工作时段重叠',
      );
    }
    parsed.push({ startMs: start * 60_000, endMs: end * 60_000 });
  });
  return {
    periods: Object.freeze(parsed.map((p) => Object.freeze(p))),
    dailyMs: parsed.reduce((sum, p) => sum + p.endMs - p.startMs, 0),
    closeMs: parsed[parsed.length - 1].endMs,
  };
}
