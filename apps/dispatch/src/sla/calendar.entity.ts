import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CalendarDayKindName } from '@fengqiao/contracts';

/**
 * The working calendar's override table: the days admins enter when the State Council publishes a
 * year's holidays (the shipped data ends with 2026), or a correction to a shipped day. Wins over both.
 */
@Entity({ name: 'calendar_overrides' })
@Index('calendar_overrides_year', ['year'])
export class CalendarOverride {
  @PrimaryColumn('date', { transformer: { to: (v: string) => v, from: (v: string) => v } })
  date!: string;

  @Column('smallint')
  year!: number;

  @Column('varchar', { length: 8 })
  kind!: CalendarDayKindName;

  @Column('varchar', { length: 40 })
  name!: string;

  /** The notice the year's table follows. */
  @Column('varchar', { length: 200 })
  source!: string;

  @Column('varchar', { name: 'entered_by_name', length: 100 })
  enteredByName!: string;

  @Column('timestamptz', { name: 'entered_at' })
  enteredAt!: Date;
}

/** A jurisdiction's office hours (e.g. 08:30–12:00, 14:00–17:30); the nearest ancestor's apply below it. */
@Entity({ name: 'working_hours' })
export class WorkingHours {
  @PrimaryColumn('varchar', { name: 'jurisdiction_code', length: 12 })
  jurisdictionCode!: string;

  @Column('jsonb')
  periods!: { start: string; end: string }[];

  @Column('varchar', { name: 'set_by_name', length: 100 })
  setByName!: string;

  @Column('timestamptz', { name: 'set_at' })
  setAt!: Date;
}
