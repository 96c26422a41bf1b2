import { Module } from '@nestjs/common';
import { ClockCommands } from './clock-commands';
import { PolicyDryRun } from './policy-dry-run';
import { SetCalendarYear } from './set-calendar-year';
import { SlaClocks } from './sla-clocks';
import { SlaHandlers } from './sla.handlers';
import { SlaPolicies } from './sla-policies';
import { SlaQueries } from './sla-queries';
import { SlaTimerEngine } from './sla-timer-engine';
import { CloseSupervision } from './supervisions';
import { WorkingCalendars } from './working-calendars';

/**
 * SLA clocks on the working calendar: policies as data, clocks every hand-over starts and stops
 * (through `SlaClocks`, in the hand-over's own transaction), the timer engine, the forecast and
 * dry run, and 督办 records.
 */
@Module({
  controllers: [SlaHandlers],
  providers: [
    SlaPolicies,
    WorkingCalendars,
    SlaClocks,
    SlaTimerEngine,
    ClockCommands,
    SlaQueries,
    CloseSupervision,
    SetCalendarYear,
    PolicyDryRun,
  ],
  exports: [SlaClocks, SlaTimerEngine],
})
export class SlaModule {}
