import { randomUUID } from 'node:crypto';
import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  SlaClockBreachedV1,
  SlaClockWarnedV1,
  SupervisionOpenedV1,
  type Actor,
  type SlaBreachAction,
  type SlaClockKind,
  type SlaLevel,
  type SlaUnit,
} from '@fengqiao/contracts';
import { failpoint, Outbox } from '@fengqiao/messaging';
import type { WorkingPeriod } from '@fengqiao/working-calendar';
import { TimelineEntry } from '../cases/timeline-entry.entity';
import { beijingTime, Clock } from '../clock';
import { DispatchEnv } from '../config';
import { levelOf, momentOf, nextThreshold } from './clock-arithmetic';
import { SlaClockStep } from './sla-clock.entity';
import { CLOCK_KIND_ZH } from './sla-clocks';
import { Supervision } from './supervision.entity';
import { WorkingCalendars } from './working-calendars';

/** A due clock as the sweep claims it, with what its events and breach actions need. */
interface DueRow {
  id: string;
  kind: SlaClockKind;
  subject_id: string;
  case_id: string;
  agency_id: string;
  target_unit: SlaUnit;
  target_ms: string;
  extended_ms: string;
  used_ms: string;
  running_since: Date;
  due_at: Date;
  working_hours: WorkingPeriod[] | null;
  thresholds: number[];
  breach_actions: SlaBreachAction[];
  fired_percent: number;
  case_number: string;
  jurisdiction_code: string;
  ladder_level: number;
  top_level: number;
  agency_name: string;
  referral_role: string | null;
  referral_status: string | null;
}

/** Who the timeline names for what the engine does. */
export const SLA_ACTOR: Actor = { id: 'system:sla', name: '时限监督', role: 'system' };

const LEVEL_ZH: Record<SlaLevel, string> = { yellow: '黄灯预警', orange: '橙灯预警', red: '超期' };

/**
 * Whether a breach action applies to this clock: 改派 only to an unaccepted referral's 签收, the
 * ladder only to a lead referral's 办结; 催办 and 督办 to every clock.
 */
function applies(action: SlaBreachAction, row: DueRow): boolean {
  switch (action) {
    case 'remind':
    case 'supervise':
      return true;
    case 'reassign':
      return row.kind === 'accept' && row.referral_status === 'issued';
    case 'escalate':
      return row.kind === 'resolve' && row.referral_role === 'lead' && row.ladder_level < row.top_level;
  }
}

/**
 * The SLA timer engine. Due moments live in Postgres (`sla_clocks.next_fire_at`); a sweep claims
 * what is due with FOR UPDATE SKIP LOCKED, so replicas share the work and never fire one clock
 * twice, and writes each warning or breach to the outbox in the same transaction that records it
 * as fired. A replica killed mid-sweep rolls back and the rows are claimed again: late, never lost,
 * never doubled. The sweep reads the partial index on next_fire_at from its start, so its cost is
 * what is due, not what is open.
 */
@Injectable()
export class SlaTimerEngine implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SlaTimerEngine.name);
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly calendars: WorkingCalendars,
    private readonly clock: Clock,
    private readonly settings: DispatchEnv,
  ) {}

  onApplicationBootstrap(): void {
    if (this.settings.SLA_TIMER === 'off') return;
    this.running = true;
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        const fired = await this.fireDue();
        failures = 0;
        if (fired === this.settings.SLA_TIMER_BATCH) continue; // more is due
        await this.sleep(this.settings.SLA_TIMER_POLL_MS);
      } catch (e) {
        failures += 1;
        const delay = Math.min(250 * 2 ** Math.min(failures, 6), 10000);
        this.logger.warn(`SLA sweep failed, retrying in ${delay} ms: ${(e as Error).message}`);
        await this.sleep(delay);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    }).then(() => {
      this.wake = null;
    });
  }

  /** One sweep: fires every threshold reached by `now` on up to one batch of clocks; returns the clocks claimed. */
  fireDue(now: Date = this.clock.now(), limit: number = this.settings.SLA_TIMER_BATCH): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      // The clock's columns come from the locking scan itself: under READ COMMITTED a row another
      // replica committed meanwhile is locked in its new version, while a second read of the table
      // in the same statement would still see the old one (and fire a threshold again).
      const rows: DueRow[] = await m.query(
        `WITH due AS (
           SELECT id, kind, subject_id, case_id, agency_id, target_unit, target_ms, extended_ms, used_ms,
                  running_since, due_at, working_hours, thresholds, breach_actions, fired_percent
             FROM dispatch.sla_clocks
            WHERE next_fire_at <= $1 ORDER BY next_fire_at LIMIT $2 FOR UPDATE SKIP LOCKED)
         SELECT due.*, k.case_number, k.jurisdiction_code, k.ladder_level,
                (SELECT max(l.level) FROM dispatch.ladder_levels l WHERE l.ladder_code = k.ladder_code) AS top_level,
                a.name AS agency_name, r.role AS referral_role, r.status AS referral_status
           FROM due
           JOIN dispatch.cases k ON k.id = due.case_id
           JOIN dispatch.agencies a ON a.id = due.agency_id
           LEFT JOIN dispatch.referrals r ON r.id = due.subject_id`,
        [now, limit],
      );
      if (rows.length === 0) return 0;
      await this.fire(m, rows, now);
      return rows.length;
    });
  }

  private async fire(m: EntityManager, rows: DueRow[], now: Date): Promise<void> {
    const measureOf = await this.calendars.measures(m);
    const warned: SlaClockWarnedV1[] = [];
    const breached: SlaClockBreachedV1[] = [];
    const supervisions: SupervisionOpenedV1[] = [];
    const supervisionRows: Supervision[] = [];
    const steps: Partial<SlaClockStep>[] = [];
    const timeline: Partial<TimelineEntry>[] = [];
    const escalate: string[] = [];
    const updates = { ids: [] as string[], fired: [] as number[], next: [] as (Date | null)[] };
    for (const row of rows) {
      const measure = measureOf({ targetUnit: row.target_unit, workingHours: row.working_hours });
      const time = {
        targetMs: Number(row.target_ms),
        extendedMs: Number(row.extended_ms),
        usedMs: Number(row.used_ms),
        runningSince: row.running_since,
      };
      let fired = row.fired_percent;
      // Every threshold passed by now fires, in order, once: a late sweep misses none.
      for (
        let p = nextThreshold(row.thresholds, fired);
        p !== undefined;
        p = nextThreshold(row.thresholds, fired)
      ) {
        const reachedAt = momentOf(time, measure, p)!;
        if (reachedAt > now) break;
        fired = p;
        const level = levelOf(row.thresholds, p);
        const facts = {
          clockId: row.id,
          kind: row.kind,
          subjectId: row.subject_id,
          caseId: row.case_id,
          caseNumber: row.case_number,
          agencyId: row.agency_id,
          agencyName: row.agency_name,
          jurisdictionCode: row.jurisdiction_code,
          dueAt: row.due_at.toISOString(),
          reachedAt: reachedAt.toISOString(),
          firedAt: now.toISOString(),
        };
        const what = `${CLOCK_KIND_ZH[row.kind]}${LEVEL_ZH[level]}`;
        if (level !== 'red') {
          warned.push({ ...facts, level, thresholdPercent: p });
          steps.push(this.step(row.id, 'warned', `${what}：已用 ${p}% 时限`, reachedAt, row.due_at));
          continue;
        }
        const actions = row.breach_actions.filter((a) => applies(a, row));
        if (!actions.includes('remind')) actions.unshift('remind');
        const supervised = actions.some((a) => a !== 'remind');
        const supervisionId = supervised ? randomUUID() : null;
        const reason = `${what}：${row.agency_name}`;
        if (supervisionId) {
          supervisionRows.push({
            id: supervisionId,
            clockId: row.id,
            caseId: row.case_id,
            agencyId: row.agency_id,
            status: 'open',
            reason,
            actions,
            proposedLevel: actions.includes('escalate') ? row.ladder_level + 1 : null,
            reassignedToReferralId: null,
            openedAt: now,
            closedAt: null,
            closedByName: null,
            closingNote: null,
          });
          supervisions.push({
            supervisionId,
            clockId: row.id,
            caseId: row.case_id,
            caseNumber: row.case_number,
            agencyId: row.agency_id,
            jurisdictionCode: row.jurisdiction_code,
            reason,
            openedAt: now.toISOString(),
          });
        }
        if (actions.includes('escalate')) escalate.push(row.case_id);
        breached.push({ ...facts, actions, supervisionId });
        steps.push(
          this.step(
            row.id,
            'breached',
            `${what}（${actions.map((a) => ACTION_ZH[a]).join('、')}）`,
            reachedAt,
            row.due_at,
          ),
        );
        timeline.push({
          caseId: row.case_id,
          step: 'sla_breached',
          summary: `${reason}，应于 ${beijingTime(row.due_at)} 前完成（${actions.map((a) => ACTION_ZH[a]).join('、')}）`,
          actorId: SLA_ACTOR.id,
          actorName: SLA_ACTOR.name,
          agencyId: row.agency_id,
          agencyName: row.agency_name,
          referralId: row.referral_role ? row.subject_id : null,
          at: now,
        });
      }
      const next = nextThreshold(row.thresholds, fired);
      updates.ids.push(row.id);
      updates.fired.push(fired);
      updates.next.push(next === undefined ? null : momentOf(time, measure, next));
    }
    await m.query(
      `UPDATE dispatch.sla_clocks c SET fired_percent = v.fired, next_fire_at = v.next
         FROM unnest($1::uuid[], $2::smallint[], $3::timestamptz[]) AS v(id, fired, next)
        WHERE c.id = v.id`,
      [updates.ids, updates.fired, updates.next],
    );
    if (steps.length > 0) await m.insert(SlaClockStep, steps);
    if (supervisionRows.length > 0) await m.insert(Supervision, supervisionRows);
    if (timeline.length > 0) await m.insert(TimelineEntry, timeline);
    // 逐级上报: the breach proposes the next rung; the coordinator confirms it by escalating.
    if (escalate.length > 0) {
      await m.query(
        `UPDATE dispatch.cases SET proposed_level = ladder_level + 1
          WHERE id = ANY($1::uuid[]) AND (proposed_level IS NULL OR proposed_level <= ladder_level)`,
        [escalate],
      );
    }
    await this.outbox.addMany(m, SlaClockWarnedV1, warned);
    await this.outbox.addMany(m, SlaClockBreachedV1, breached);
    await this.outbox.addMany(m, SupervisionOpenedV1, supervisions);
    // Crash tests kill the replica here: everything above is written, nothing committed.
    failpoint('sla.before-commit');
  }

  private step(clockId: string, step: string, summary: string, at: Date, dueAt: Date) {
    return { clockId, step, summary, actorName: SLA_ACTOR.name, at, dueAt, pauseReason: null };
  }
}

export const ACTION_ZH: Record<SlaBreachAction, string> = {
  remind: '催办',
  supervise: '督办',
  escalate: '建议升级',
  reassign: '改派',
};
