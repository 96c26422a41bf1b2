import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type {
  SlaBreachAction,
  SlaClockKind,
  SlaClockState,
  SlaExtensionStatus,
  SlaPauseReason,
  SlaStopReason,
  SlaUnit,
  SlaUrgency,
} from '@fengqiao/contracts';
import type { WorkingPeriod } from '@fengqiao/working-calendar';

/**
 * One deadline someone owes: a referral's 签收/首次联系/办结, a summoned unit's 报到, a task.
 *
 * Time is kept in the clock's own measure: wall milliseconds for minute/hour targets, working
 * milliseconds (on the agency's working hours and the working calendar) for working-hour/day ones.
 * `usedMs` is what was used before `runningSince`; the running segment is added on demand, so a
 * pause or a change of target never loses or gains time.
 */
@Entity({ name: 'sla_clocks' })
@Index('sla_clocks_subject', ['subjectId', 'kind'])
@Index('sla_clocks_case', ['caseId'])
@Index('sla_clocks_agency_open', ['agencyId', 'dueAt'], { where: "state <> 'stopped'" })
// The timer engine's only access path: what is due next. Its size is what is open; a sweep reads what is due.
@Index('sla_clocks_next_fire', ['nextFireAt'], { where: 'next_fire_at IS NOT NULL' })
@Index('sla_clocks_due_running', ['dueAt'], { where: "state = 'running'" })
export class SlaClock {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('varchar', { length: 16 })
  kind!: SlaClockKind;

  /** The referral, summons or conference task timed. */
  @Column('uuid', { name: 'subject_id' })
  subjectId!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  /** The unit that owes the work. */
  @Column('uuid', { name: 'agency_id' })
  agencyId!: string;

  @Column('varchar', { length: 8 })
  urgency!: SlaUrgency;

  /** The policy version the clock started under (none for deadlines set by a whistle or a task). */
  @Column('integer', { name: 'policy_version', nullable: true })
  policyVersion!: number | null;

  @Column('integer', { name: 'target_amount' })
  targetAmount!: number;

  @Column('varchar', { name: 'target_unit', length: 16 })
  targetUnit!: SlaUnit;

  /** The target in the clock's measure. */
  @Column('bigint', {
    name: 'target_ms',
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  targetMs!: number;

  /** Approved extensions, in the clock's measure. */
  @Column('bigint', {
    name: 'extended_ms',
    default: 0,
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  extendedMs!: number;

  /** Used before `runningSince` (all of it while paused or stopped). */
  @Column('bigint', {
    name: 'used_ms',
    default: 0,
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  usedMs!: number;

  /** Time stood still, in the clock's measure (shown to coordinators; not used in arithmetic). */
  @Column('bigint', {
    name: 'paused_ms',
    default: 0,
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  pausedMs!: number;

  /** The agency's working hours when the clock started (working-time clocks only). */
  @Column('jsonb', { name: 'working_hours', nullable: true })
  workingHours!: WorkingPeriod[] | null;

  @Column('varchar', { length: 8 })
  state!: SlaClockState;

  @Column('timestamptz', { name: 'started_at' })
  startedAt!: Date;

  @Column('timestamptz', { name: 'running_since', nullable: true })
  runningSince!: Date | null;

  @Column('timestamptz', { name: 'paused_at', nullable: true })
  pausedAt!: Date | null;

  /** The deadline; null while paused. Kept after a stop, to tell whether it stopped late. */
  @Column('timestamptz', { name: 'due_at', nullable: true })
  dueAt!: Date | null;

  /** Warning thresholds in % of the allowed time, ascending, 100 (超期) last. */
  @Column('smallint', { array: true })
  thresholds!: number[];

  @Column('varchar', { name: 'breach_actions', array: true, length: 16 })
  breachActions!: SlaBreachAction[];

  /** The highest threshold already fired; each fires once. */
  @Column('smallint', { name: 'fired_percent', default: 0 })
  firedPercent!: number;

  /** When the next unfired threshold is reached; null when none is left or the clock stands still. */
  @Column('timestamptz', { name: 'next_fire_at', nullable: true })
  nextFireAt!: Date | null;

  @Column('timestamptz', { name: 'stopped_at', nullable: true })
  stoppedAt!: Date | null;

  @Column('varchar', { name: 'stop_reason', length: 16, nullable: true })
  stopReason!: SlaStopReason | null;
}

/** A clock's history, append-only: every start, pause, resume, extension, warning, breach and stop. */
@Entity({ name: 'sla_clock_steps' })
@Index('sla_clock_steps_clock', ['clockId', 'seq'])
export class SlaClockStep {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  seq!: string;

  @Column('uuid', { name: 'clock_id' })
  clockId!: string;

  @Column('varchar', { length: 24 })
  step!: string;

  @Column('varchar', { length: 500 })
  summary!: string;

  @Column('varchar', { name: 'actor_name', length: 100, nullable: true })
  actorName!: string | null;

  @Column('timestamptz')
  at!: Date;

  @Column('timestamptz', { name: 'due_at', nullable: true })
  dueAt!: Date | null;

  @Column('varchar', { name: 'pause_reason', length: 32, nullable: true })
  pauseReason!: SlaPauseReason | null;
}

/** 延期申请 and its decision. */
@Entity({ name: 'sla_extensions' })
@Index('sla_extensions_clock', ['clockId'])
@Index('sla_extensions_pending', ['clockId'], { where: "status = 'pending'", unique: true })
export class SlaExtension {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'clock_id' })
  clockId!: string;

  @Column('integer')
  amount!: number;

  @Column('varchar', { length: 16 })
  unit!: SlaUnit;

  @Column('text')
  reason!: string;

  @Column('varchar', { length: 10 })
  status!: SlaExtensionStatus;

  @Column('timestamptz', { name: 'requested_at' })
  requestedAt!: Date;

  @Column('varchar', { name: 'requested_by_id', length: 64 })
  requestedById!: string;

  @Column('varchar', { name: 'requested_by_name', length: 100 })
  requestedByName!: string;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  @Column('varchar', { name: 'decided_by_name', length: 100, nullable: true })
  decidedByName!: string | null;

  @Column('text', { name: 'decision_note', nullable: true })
  decisionNote!: string | null;
}
