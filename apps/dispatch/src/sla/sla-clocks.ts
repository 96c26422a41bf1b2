import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { In, IsNull, Not, type EntityManager } from 'typeorm';
import {
  SlaClockRetargetedV1,
  SlaClockStartedV1,
  SlaClockStoppedV1,
  type SlaClockFacts,
  type SlaClockKind,
  type SlaPolicyKind,
  type SlaStopReason,
  type SlaUnit,
  type SlaUrgency,
} from '@fengqiao/contracts';
import { Outbox } from '@fengqiao/messaging';
import type { WorkingPeriod } from '@fengqiao/working-calendar';
import { beijingTime, formatDuration } from '../clock';
import {
  allowedMs,
  dueOf,
  isWorkingUnit,
  momentOf,
  nextThreshold,
  standStill,
  targetMs,
  usedAt,
  WALL_TIME,
  workingTime,
  type Measure,
} from './clock-arithmetic';
import { SlaClock, SlaClockStep } from './sla-clock.entity';
import { SlaPolicies, targetOf, urgencyOf } from './sla-policies';
import { WorkingCalendars, type MeasuredClock } from './working-calendars';

/** The unit that owes the work a clock times. */
export interface ClockOwner {
  /** The referral, whistle (for a summons) or task. */
  subjectId: string;
  agency: { id: string; name: string; kind: string; jurisdictionCode: string };
}

/** The case facts a clock needs. */
export interface ClockCase {
  id: string;
  caseNumber: string;
  disputeType: string;
  jurisdictionCode: string;
  riskLevel: string;
  violenceRisk: boolean;
}

export const CLOCK_KIND_ZH: Record<SlaClockKind, string> = {
  accept: '签收',
  first_contact: '首次联系',
  resolve: '办结',
  follow_up: '回访',
  summons: '报到',
  task: '会商任务',
};

export const UNIT_ZH: Record<SlaUnit, string> = {
  minutes: '分钟',
  hours: '小时',
  working_hours: '个工作小时',
  working_days: '个工作日',
};

const STOP_ZH: Record<SlaStopReason, string> = {
  done: '已完成',
  returned: '已退单',
  transferred: '已转办',
  cancelled: '已撤销',
};

/**
 * Starts, stops and re-targets SLA clocks inside the caller's transaction, so a referral's 签收
 * and the end of its 签收 clock are one commit, with their events in the same outbox.
 */
@Injectable()
export class SlaClocks {
  constructor(
    private readonly outbox: Outbox,
    private readonly policies: SlaPolicies,
    private readonly calendars: WorkingCalendars,
  ) {}

  /** The measure a clock keeps time in: wall time, or working time on its hours and today's calendar. */
  async measureOf(m: EntityManager, clock: MeasuredClock): Promise<Measure> {
    return (await this.calendars.measures(m))(clock);
  }

  /** A referral's 签收 / 首次联系 / 办结 / 回访 clock, under the policy version in force. */
  async startFromPolicy(
    m: EntityManager,
    kind: SlaPolicyKind,
    owner: ClockOwner,
    kase: ClockCase,
    at: Date,
  ): Promise<SlaClock> {
    const { version, urgency, rule } = await this.ruleInForce(m, owner, kase);
    const target = targetOf(rule, kind);
    return this.start(m, kind, owner, kase, at, {
      urgency,
      policyVersion: version,
      amount: target.amount,
      unit: target.unit,
      thresholds: rule.thresholds,
      breachActions: rule.breachActions,
    });
  }

  /**
   * A deadline someone else set: a whistle's 报到, a conference task's. Wall-clock; the thresholds
   * and breach actions are those the policy in force gives the owner's kind.
   */
  async startWithDeadline(
    m: EntityManager,
    kind: 'summons' | 'task',
    owner: ClockOwner,
    kase: ClockCase,
    at: Date,
    dueAt: Date,
  ): Promise<SlaClock> {
    const { urgency, rule } = await this.ruleInForce(m, owner, kase);
    const ms = Math.max(60000, dueAt.getTime() - at.getTime());
    return this.start(m, kind, owner, kase, at, {
      urgency,
      policyVersion: null,
      amount: Math.ceil(ms / 60000),
      unit: 'minutes',
      exactMs: ms,
      thresholds: rule.thresholds,
      breachActions: rule.breachActions,
    });
  }

  /** The rule of the policy in force for this case, as urgent as it is now, at the owner's kind. */
  private async ruleInForce(m: EntityManager, owner: ClockOwner, kase: ClockCase) {
    const version = await this.policies.currentVersion(m);
    const urgency = urgencyOf(kase);
    const rule = await this.policies.ruleFor(m, version, kase.disputeType, urgency, owner.agency.kind);
    return { version, urgency, rule };
  }

  private async start(
    m: EntityManager,
    kind: SlaClockKind,
    owner: ClockOwner,
    kase: ClockCase,
    at: Date,
    spec: {
      urgency: SlaUrgency;
      policyVersion: number | null;
      amount: number;
      unit: SlaUnit;
      exactMs?: number;
      thresholds: number[];
      breachActions: SlaClock['breachActions'];
    },
  ): Promise<SlaClock> {
    const hours: WorkingPeriod[] | null = isWorkingUnit(spec.unit)
      ? (await this.calendars.hoursFor(m, owner.agency.jurisdictionCode)).periods
      : null;
    const calendar = hours ? await this.calendars.calendar(m, hours) : null;
    const measure = calendar ? workingTime(calendar) : WALL_TIME;
    const clock = Object.assign(new SlaClock(), {
      id: randomUUID(),
      kind,
      subjectId: owner.subjectId,
      caseId: kase.id,
      agencyId: owner.agency.id,
      urgency: spec.urgency,
      policyVersion: spec.policyVersion,
      targetAmount: spec.amount,
      targetUnit: spec.unit,
      targetMs: spec.exactMs ?? targetMs(spec.unit, spec.amount, at, calendar!),
      extendedMs: 0,
      usedMs: 0,
      pausedMs: 0,
      workingHours: hours,
      state: 'running' as const,
      startedAt: at,
      runningSince: at,
      pausedAt: null,
      thresholds: spec.thresholds,
      breachActions: spec.breachActions,
      firedPercent: 0,
      stoppedAt: null,
      stopReason: null,
    });
    schedule(clock, measure);
    await m.insert(SlaClock, clock);
    const facts = factsOf(clock, kase, owner.agency);
    await this.step(
      m,
      clock,
      'started',
      `开始计时：${CLOCK_KIND_ZH[kind]}时限 ${spec.amount} ${UNIT_ZH[spec.unit]}，应于 ${beijingTime(clock.dueAt!)} 前完成`,
      null,
      at,
    );
    await this.outbox.add(m, SlaClockStartedV1, {
      ...facts,
      targetAmount: spec.amount,
      targetUnit: spec.unit,
      urgency: spec.urgency,
      policyVersion: spec.policyVersion,
      startedAt: at.toISOString(),
    });
    return clock;
  }

  /** Stops the open clocks of a subject (of these kinds; of this unit, for a whistle's summons). */
  async stop(
    m: EntityManager,
    subject: { subjectId: string; agencyId?: string },
    kinds: readonly SlaClockKind[],
    reason: SlaStopReason,
    at: Date,
  ): Promise<void> {
    const clocks = await m.find(SlaClock, {
      where: {
        subjectId: subject.subjectId,
        kind: In([...kinds]),
        state: Not('stopped'),
        ...(subject.agencyId ? { agencyId: subject.agencyId } : {}),
      },
      lock: { mode: 'pessimistic_write' },
    });
    if (clocks.length === 0) return;
    const facts = await loadFacts(m, clocks);
    const measureOf = await this.calendars.measures(m);
    for (const clock of clocks) {
      const measure = measureOf(clock);
      const used = usedAt(clock, measure, at);
      const late = used > allowedMs(clock);
      Object.assign(clock, standStill(clock, measure, at), {
        state: 'stopped',
        stoppedAt: at,
        stopReason: reason,
        nextFireAt: null,
        pausedAt: null,
      });
      await m.update(
        SlaClock,
        { id: clock.id },
        pick(clock, ['usedMs', 'runningSince', 'state', 'stoppedAt', 'stopReason', 'nextFireAt', 'pausedAt']),
      );
      const overBy = late
        ? `（超期 ${formatDuration(Math.round((used - allowedMs(clock)) / 1000))}）`
        : '（按期）';
      await this.step(m, clock, 'stopped', `停止计时：${STOP_ZH[reason]}${overBy}`, null, at);
      await this.outbox.add(m, SlaClockStoppedV1, {
        ...publicFacts(facts.get(clock.id)!),
        dueAt: clock.dueAt?.toISOString() ?? null,
        reason,
        late,
        stoppedAt: at.toISOString(),
      });
    }
  }

  /** Whether a subject already has a clock of this kind (running, paused or stopped). */
  has(m: EntityManager, subjectId: string, kind: SlaClockKind): Promise<boolean> {
    return m.existsBy(SlaClock, { subjectId, kind });
  }

  /**
   * The case's urgency or type changed (risk raised, 民转刑 flagged, reclassified): each open policy
   * clock takes the target its own policy version gives the case now, keeping its used time, its
   * pauses and its extensions; thresholds already fired stay fired.
   */
  async retargetCase(m: EntityManager, kase: ClockCase, reason: string, at: Date): Promise<void> {
    const urgency = urgencyOf(kase);
    const clocks = await m.find(SlaClock, {
      where: { caseId: kase.id, state: Not('stopped'), policyVersion: Not(IsNull()) },
      lock: { mode: 'pessimistic_write' },
    });
    if (clocks.length === 0) return;
    const facts = await loadFacts(m, clocks);
    const measureOf = await this.calendars.measures(m);
    for (const clock of clocks) {
      const fact = facts.get(clock.id)!;
      const rule = await this.policies.ruleFor(
        m,
        clock.policyVersion!,
        kase.disputeType,
        urgency,
        fact.agencyKind,
      );
      const { amount, unit } = targetOf(rule, clock.kind as SlaPolicyKind);
      if (amount === clock.targetAmount && unit === clock.targetUnit && urgency === clock.urgency) continue;
      const before = measureOf(clock);
      if (isWorkingUnit(unit) !== isWorkingUnit(clock.targetUnit)) {
        // Wall time becomes working time or back: re-measure what was used in the new measure,
        // keeping the share of the elapsed span that was not paused.
        const hours = isWorkingUnit(unit)
          ? (await this.calendars.hoursFor(m, fact.agencyJurisdictionCode)).periods
          : clock.workingHours;
        const after = measureOf({ targetUnit: unit, workingHours: hours });
        const elapsedBefore = before.between(clock.startedAt, at);
        const share = elapsedBefore > 0 ? usedAt(clock, before, at) / elapsedBefore : 0;
        clock.usedMs = Math.round(after.between(clock.startedAt, at) * share);
        clock.pausedMs = Math.round(after.between(clock.startedAt, at) * (1 - share));
        clock.runningSince = clock.state === 'running' ? at : null;
        clock.workingHours = hours;
      }
      const calendar = isWorkingUnit(unit) ? await this.calendars.calendar(m, clock.workingHours!) : null;
      Object.assign(clock, {
        urgency,
        targetAmount: amount,
        targetUnit: unit,
        targetMs: targetMs(unit, amount, clock.startedAt, calendar!),
        thresholds: rule.thresholds,
        breachActions: rule.breachActions,
      });
      schedule(clock, measureOf(clock));
      await m.update(
        SlaClock,
        { id: clock.id },
        pick(clock, [
          'urgency',
          'targetAmount',
          'targetUnit',
          'targetMs',
          'thresholds',
          'breachActions',
          'usedMs',
          'pausedMs',
          'runningSince',
          'workingHours',
          'dueAt',
          'nextFireAt',
        ]),
      );
      await this.step(
        m,
        clock,
        'retargeted',
        `时限改为 ${amount} ${UNIT_ZH[unit]}（${urgency === 'urgent' ? '紧急' : '一般'}；${reason}）` +
          (clock.dueAt ? `，应于 ${beijingTime(clock.dueAt)} 前完成` : ''),
        null,
        at,
      );
      await this.outbox.add(m, SlaClockRetargetedV1, {
        ...publicFacts(fact),
        dueAt: clock.dueAt?.toISOString() ?? null,
        urgency,
        targetAmount: amount,
        targetUnit: unit,
        reason,
        retargetedAt: at.toISOString(),
      });
    }
  }

  /** Appends one step to a clock's history. */
  async step(
    m: EntityManager,
    clock: SlaClock,
    step: string,
    summary: string,
    actorName: string | null,
    at: Date,
    pauseReason: SlaClockStep['pauseReason'] = null,
  ): Promise<void> {
    await m.insert(SlaClockStep, {
      clockId: clock.id,
      step,
      summary: summary.slice(0, 500),
      actorName,
      at,
      dueAt: clock.dueAt,
      pauseReason,
    });
  }
}

/** Sets the deadline and the next threshold's moment from the clock's time (none while it stands still). */
export function schedule(clock: SlaClock, measure: Measure): void {
  if (clock.state !== 'running') {
    clock.nextFireAt = null;
    if (clock.state === 'paused') clock.dueAt = null;
    return;
  }
  clock.dueAt = dueOf(clock, measure);
  const next = nextThreshold(clock.thresholds, clock.firedPercent);
  clock.nextFireAt = next === undefined ? null : momentOf(clock, measure, next);
}

export function pick<T extends object, K extends keyof T>(o: T, keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;
}

/** What an event says about a clock, plus the owner's kind and place (for policy lookups). */
export interface ClockFacts extends Omit<SlaClockFacts, 'dueAt'> {
  agencyKind: string;
  agencyJurisdictionCode: string;
}

export const publicFacts = ({
  agencyKind: _k,
  agencyJurisdictionCode: _j,
  ...facts
}: ClockFacts): Omit<SlaClockFacts, 'dueAt'> => facts;

function factsOf(clock: SlaClock, kase: ClockCase, agency: ClockOwner['agency']): SlaClockFacts {
  return {
    clockId: clock.id,
    kind: clock.kind,
    subjectId: clock.subjectId,
    caseId: kase.id,
    caseNumber: kase.caseNumber,
    agencyId: agency.id,
    agencyName: agency.name,
    jurisdictionCode: kase.jurisdictionCode,
    dueAt: clock.dueAt?.toISOString() ?? null,
  };
}

/** The case number, place and owner of each clock, in one query. */
export async function loadFacts(m: EntityManager, clocks: SlaClock[]): Promise<Map<string, ClockFacts>> {
  const rows: {
    id: string;
    case_number: string;
    jurisdiction_code: string;
    agency_name: string;
    agency_kind: string;
    agency_jurisdiction_code: string;
  }[] = await m.query(
    `SELECT c.id, k.case_number, k.jurisdiction_code, a.name AS agency_name, a.kind AS agency_kind,
            a.jurisdiction_code AS agency_jurisdiction_code
       FROM dispatch.sla_clocks c JOIN dispatch.cases k ON k.id = c.case_id JOIN dispatch.agencies a ON a.id = c.agency_id
      WHERE c.id = ANY($1::uuid[])`,
    [clocks.map((c) => c.id)],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return new Map(
    clocks.map((c) => {
      const r = byId.get(c.id)!;
      return [
        c.id,
        {
          clockId: c.id,
          kind: c.kind,
          subjectId: c.subjectId,
          caseId: c.caseId,
          caseNumber: r.case_number,
          agencyId: c.agencyId,
          agencyName: r.agency_name,
          jurisdictionCode: r.jurisdiction_code,
          agencyKind: r.agency_kind,
          agencyJurisdictionCode: r.agency_jurisdiction_code,
        },
      ];
    }),
  );
}
