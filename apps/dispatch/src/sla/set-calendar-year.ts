import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  SlaClockRetargetedV1,
  type Actor,
  type CalendarYearView,
  type SetCalendarYearCommand,
} from '@fengqiao/contracts';
import { Outbox } from '@fengqiao/messaging';
import { beijingInstant } from '@fengqiao/working-calendar';
import { beijingTime, Clock } from '../clock';
import { SlaClock } from './sla-clock.entity';
import { loadFacts, pick, publicFacts, schedule, SlaClocks } from './sla-clocks';
import { WorkingCalendars } from './working-calendars';

/**
 * Enters a year's holidays and 调休 days (the State Council's notice) and, in the same transaction,
 * moves every running working-time deadline the change reaches: a 15-working-day 办结 started in
 * December finds out here that 1 January is a holiday.
 */
@Injectable()
export class SetCalendarYear {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly calendars: WorkingCalendars,
    private readonly clocks: SlaClocks,
    private readonly time: Clock,
  ) {}

  async execute(
    actor: Actor,
    cmd: SetCalendarYearCommand,
  ): Promise<CalendarYearView & { clocksMoved: number }> {
    const moved = await this.dataSource.transaction(async (m) => {
      await this.calendars.replaceYear(m, actor, cmd);
      const now = this.time.now();
      // Deadlines from the start of that year on can move; earlier ones cannot.
      const clocks = await m
        .createQueryBuilder(SlaClock, 's')
        .setLock('pessimistic_write')
        .where("s.state = 'running' AND s.target_unit IN ('working_hours', 'working_days')")
        .andWhere('s.due_at >= :from', { from: beijingInstant(`${cmd.year}-01-01`, '00:00') })
        .getMany();
      const changed: SlaClock[] = [];
      // Built after the year was replaced, so every deadline is computed on the new calendar.
      const measureOf = await this.calendars.measures(m);
      for (const clock of clocks) {
        const before = clock.dueAt?.getTime();
        schedule(clock, measureOf(clock));
        if (clock.dueAt?.getTime() === before) continue;
        changed.push(clock);
        await m.update(SlaClock, { id: clock.id }, pick(clock, ['dueAt', 'nextFireAt']));
        await this.clocks.step(
          m,
          clock,
          'recomputed',
          `工作日历调整（${cmd.year} 年节假日安排）：期限改为 ${beijingTime(clock.dueAt!)}`,
          actor.name,
          now,
        );
      }
      const facts = await loadFacts(m, changed);
      for (const clock of changed) {
        await this.outbox.add(m, SlaClockRetargetedV1, {
          ...publicFacts(facts.get(clock.id)!),
          dueAt: clock.dueAt!.toISOString(),
          urgency: clock.urgency,
          targetAmount: clock.targetAmount,
          targetUnit: clock.targetUnit,
          reason: `calendar ${cmd.year} changed`,
          retargetedAt: now.toISOString(),
        });
      }
      return changed.length;
    });
    return { ...(await this.calendars.year(cmd.year)), clocksMoved: moved };
  }
}
