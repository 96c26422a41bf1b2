import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import type {
  Actor,
  CalendarDayView,
  CalendarYearView,
  SetCalendarYearCommand,
  SetWorkingHoursCommand,
  SlaUnit,
  WorkingHoursView,
} from '@fengqiao/contracts';
import { notFound, unprocessable, unprocessableAll, type FieldProblem } from '@fengqiao/errors';
import {
  DEFAULT_WORKING_HOURS,
  parseWorkingHours,
  WorkingCalendar,
  WorkingHoursError,
  type CalendarDay,
  type DayInfo,
  type WorkingPeriod,
} from '@fengqiao/working-calendar';
import { ancestorCodes, Jurisdiction, toStoredCode } from '../agencies/jurisdiction.entity';
import { isWorkingUnit, WALL_TIME, workingTime, type Measure } from './clock-arithmetic';
import { assertRole } from '../roles';
import { CalendarOverride, WorkingHours } from './calendar.entity';

/** What a clock's measure depends on. */
export interface MeasuredClock {
  targetUnit: SlaUnit;
  workingHours: readonly WorkingPeriod[] | null;
}

const dayView = (d: DayInfo): CalendarDayView => ({
  date: d.date,
  kind: d.kind,
  working: d.working,
  name: d.name,
  source: d.source,
});

/**
 * The working calendar as the hub knows it right now: the shipped statutory data, the admins'
 * override table and each jurisdiction's office hours. Read from Postgres on each use (the table
 * is a few dozen rows), so every replica computes every deadline from the same calendar.
 */
@Injectable()
export class WorkingCalendars {
  constructor(private readonly dataSource: DataSource) {}

  async overrides(m: EntityManager = this.dataSource.manager): Promise<CalendarDay[]> {
    const rows = await m.find(CalendarOverride, { order: { date: 'ASC' } });
    return rows.map(({ date, kind, name }) => ({ date, kind, name }));
  }

  /**
   * How each clock keeps time, on the calendar as it is now: the override table is read once and
   * one calendar is built per set of office hours, so a loop over many clocks does no more I/O.
   */
  async measures(m: EntityManager): Promise<(clock: MeasuredClock) => Measure> {
    const overrides = await this.overrides(m);
    const byHours = new Map<string, WorkingCalendar>();
    return (clock) => {
      if (!isWorkingUnit(clock.targetUnit) || !clock.workingHours) return WALL_TIME;
      const key = JSON.stringify(clock.workingHours);
      let calendar = byHours.get(key);
      if (!calendar) {
        calendar = new WorkingCalendar({ overrides, hours: clock.workingHours });
        byHours.set(key, calendar);
      }
      return workingTime(calendar);
    };
  }

  /** A calendar with these office hours on today's holiday data. */
  async calendar(m: EntityManager, hours: readonly WorkingPeriod[]): Promise<WorkingCalendar> {
    return new WorkingCalendar({ overrides: await this.overrides(m), hours });
  }

  /** The office hours of a jurisdiction: its own, its nearest ancestor's, or the default. */
  async hoursFor(
    m: EntityManager,
    jurisdictionCode: string,
  ): Promise<{ periods: WorkingPeriod[]; definedAt: string }> {
    const chain = ancestorCodes(jurisdictionCode);
    const rows = await m.findBy(WorkingHours, { jurisdictionCode: In(chain) });
    for (const code of chain) {
      const row = rows.find((r) => r.jurisdictionCode === code);
      if (row) return { periods: row.periods, definedAt: code };
    }
    return { periods: [...DEFAULT_WORKING_HOURS], definedAt: 'default' };
  }

  async workingHours(code: string): Promise<WorkingHoursView> {
    const stored = toStoredCode(code);
    const { periods, definedAt } = await this.hoursFor(this.dataSource.manager, stored);
    return { jurisdictionCode: stored, definedAt, periods };
  }

  /** Office hours are an admin's setting; running clocks keep the hours they started with. */
  async setWorkingHours(actor: Actor, cmd: SetWorkingHoursCommand): Promise<WorkingHoursView> {
    assertRole(actor, ['admin'], 'set working hours', '设置工作时间');
    const code = toStoredCode(cmd.code);
    try {
      parseWorkingHours(cmd.periods);
    } catch (e) {
      if (e instanceof WorkingHoursError) throw unprocessable(e.field, e.message, e.zh);
      throw e;
    }
    if (!(await this.dataSource.manager.existsBy(Jurisdiction, { code }))) {
      throw notFound('jurisdiction', '辖区', code);
    }
    await this.dataSource.manager.upsert(
      WorkingHours,
      { jurisdictionCode: code, periods: cmd.periods, setByName: actor.name, setAt: new Date() },
      ['jurisdictionCode'],
    );
    return this.workingHours(code);
  }

  async year(year: number): Promise<CalendarYearView> {
    const m = this.dataSource.manager;
    const overrides = await m.find(CalendarOverride, { where: { year }, order: { date: 'ASC' } });
    const calendar = new WorkingCalendar({ overrides: await this.overrides(m) });
    const days = calendar.describeRange(`${year}-01-01`, `${year}-12-31`);
    return {
      year,
      known: calendar.knowsYear(year),
      workingDays: days.filter((d) => d.working).length,
      specialDays: days.filter((d) => d.kind === 'holiday' || d.kind === 'makeup_workday').map(dayView),
      overrides: overrides.map((o) => dayView(calendar.day(o.date))),
      source: overrides[0]?.source,
    };
  }

  /**
   * Replaces a year's override table (the State Council's notice for it) in the caller's
   * transaction; the caller recomputes the deadlines the change moves.
   */
  async replaceYear(m: EntityManager, actor: Actor, cmd: SetCalendarYearCommand): Promise<void> {
    assertRole(actor, ['admin'], 'edit the working calendar', '维护工作日历');
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    cmd.days.forEach((d, i) => {
      const valid =
        !Number.isNaN(Date.parse(`${d.date}T00:00:00Z`)) &&
        new Date(`${d.date}T00:00:00Z`).toISOString().startsWith(d.date);
      if (!valid || !d.date.startsWith(`${cmd.year}-`)) {
        problems.push({
          field: `days[${i}].date`,
          reason: `${d.date} is not a date of ${cmd.year}`,
          reasonZh: `${d.date} 不是 ${cmd.year} 年的有效日期`,
        });
      } else if (seen.has(d.date)) {
        problems.push({
          field: `days[${i}].date`,
          reason: `${d.date} is listed twice`,
          reasonZh: `${d.date} 重复`,
        });
      }
      seen.add(d.date);
    });
    if (problems.length > 0) throw unprocessableAll(problems);
    await m.delete(CalendarOverride, { year: cmd.year });
    const now = new Date();
    if (cmd.days.length > 0) {
      await m.insert(
        CalendarOverride,
        cmd.days.map((d) => ({
          ...d,
          year: cmd.year,
          source: cmd.source,
          enteredByName: actor.name,
          enteredAt: now,
        })),
      );
    }
  }
}
