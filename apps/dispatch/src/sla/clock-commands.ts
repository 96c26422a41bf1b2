import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  SlaClockPausedV1,
  SlaClockResumedV1,
  SlaExtensionDecidedV1,
  SlaExtensionRequestedV1,
  type Actor,
  type DecideSlaExtensionCommand,
  type PauseSlaClockCommand,
  type RequestSlaExtensionCommand,
  type ResumeSlaClockCommand,
  type SlaPauseReason,
} from '@fengqiao/contracts';
import { conflict, notFound, unprocessable } from '@fengqiao/errors';
import { Outbox } from '@fengqiao/messaging';
import { Clock, formatDuration } from '../clock';
import { assertRole } from '../roles';
import { extensionMs, isWorkingUnit, standStill } from './clock-arithmetic';
import { lockClock } from './clock-access';
import { SlaClock, SlaExtension } from './sla-clock.entity';
import { loadFacts, pick, publicFacts, schedule, SlaClocks, UNIT_ZH } from './sla-clocks';

export const PAUSE_REASON_ZH: Record<SlaPauseReason, string> = {
  parties_unreachable: '当事人无法联系',
  awaiting_appraisal: '等待鉴定',
  awaiting_judicial_confirmation: '等待司法确认',
  awaiting_materials: '等待当事人补充材料',
  party_hospitalised: '当事人住院治疗',
  force_majeure: '不可抗力',
  other: '其他',
};

const ACTING_ROLES = ['agency_staff', 'mediator', 'coordinator'] as const;

/**
 * What people do to a clock: 暂停/恢复计时 (the owing unit or the coordinator), 延期申请 (the owing
 * unit) and its decision (the coordinator). Each is one transaction on the locked clock, with its
 * history step and its event.
 */
@Injectable()
export class ClockCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clocks: SlaClocks,
    private readonly time: Clock,
  ) {}

  pause(actor: Actor, cmd: PauseSlaClockCommand): Promise<void> {
    assertRole(actor, ACTING_ROLES, 'pause a clock', '暂停计时');
    return this.dataSource.transaction(async (m) => {
      const { clock } = await lockClock(m, actor, cmd.clockId);
      if (clock.state !== 'running') {
        throw conflict(
          `the clock is ${clock.state}; only a running clock can be paused`,
          `计时${clock.state === 'paused' ? '已暂停' : '已停止'}，不能暂停`,
        );
      }
      const now = this.time.now();
      const measure = await this.clocks.measureOf(m, clock);
      Object.assign(clock, standStill(clock, measure, now), { state: 'paused', pausedAt: now });
      schedule(clock, measure);
      await m.update(
        SlaClock,
        { id: clock.id },
        pick(clock, ['usedMs', 'runningSince', 'state', 'pausedAt', 'dueAt', 'nextFireAt']),
      );
      await this.clocks.step(
        m,
        clock,
        'paused',
        `暂停计时：${PAUSE_REASON_ZH[cmd.reason]}。${cmd.note}`,
        actor.name,
        now,
        cmd.reason,
      );
      const facts = (await loadFacts(m, [clock])).get(clock.id)!;
      await this.outbox.add(m, SlaClockPausedV1, {
        ...publicFacts(facts),
        dueAt: null,
        reason: cmd.reason,
        note: cmd.note,
        pausedAt: now.toISOString(),
        pausedBy: actor,
      });
    });
  }

  resume(actor: Actor, cmd: ResumeSlaClockCommand): Promise<void> {
    assertRole(actor, ACTING_ROLES, 'resume a clock', '恢复计时');
    return this.dataSource.transaction(async (m) => {
      const { clock } = await lockClock(m, actor, cmd.clockId);
      if (clock.state !== 'paused') {
        throw conflict(
          `the clock is ${clock.state}; only a paused clock can be resumed`,
          `计时${clock.state === 'running' ? '正在进行' : '已停止'}，无需恢复`,
        );
      }
      const now = this.time.now();
      const measure = await this.clocks.measureOf(m, clock);
      // The paused span in the clock's own measure: what a working-day clock would have used.
      const pausedMs = measure.between(clock.pausedAt!, now);
      Object.assign(clock, {
        state: 'running',
        runningSince: now,
        pausedAt: null,
        pausedMs: clock.pausedMs + pausedMs,
      });
      schedule(clock, measure);
      await m.update(
        SlaClock,
        { id: clock.id },
        pick(clock, ['state', 'runningSince', 'pausedAt', 'pausedMs', 'dueAt', 'nextFireAt']),
      );
      await this.clocks.step(
        m,
        clock,
        'resumed',
        `恢复计时（暂停 ${formatDuration(Math.round(pausedMs / 1000))}）${cmd.note ? `：${cmd.note}` : ''}`,
        actor.name,
        now,
      );
      const facts = (await loadFacts(m, [clock])).get(clock.id)!;
      await this.outbox.add(m, SlaClockResumedV1, {
        ...publicFacts(facts),
        dueAt: clock.dueAt!.toISOString(),
        pausedMs,
        resumedAt: now.toISOString(),
        resumedBy: actor,
      });
    });
  }

  requestExtension(actor: Actor, cmd: RequestSlaExtensionCommand): Promise<string> {
    assertRole(actor, ['agency_staff', 'mediator'], 'request an extension', '申请延期');
    return this.dataSource.transaction(async (m) => {
      const { clock } = await lockClock(m, actor, cmd.clockId);
      if (clock.state === 'stopped') {
        throw conflict('the clock has stopped; there is nothing to extend', '计时已停止，无需延期');
      }
      if (isWorkingUnit(cmd.unit) !== isWorkingUnit(clock.targetUnit)) {
        throw unprocessable(
          'unit',
          `this clock counts ${isWorkingUnit(clock.targetUnit) ? 'working days or hours' : 'minutes or hours'}; ask in the same kind of unit`,
          `本计时按${isWorkingUnit(clock.targetUnit) ? '工作日/工作小时' : '自然时间（分钟/小时）'}计算，请以同类单位申请`,
        );
      }
      if (await m.existsBy(SlaExtension, { clockId: clock.id, status: 'pending' })) {
        throw conflict('an extension request is already waiting for a decision', '已有延期申请待审批');
      }
      const now = this.time.now();
      const id = randomUUID();
      await m.insert(SlaExtension, {
        id,
        clockId: clock.id,
        amount: cmd.amount,
        unit: cmd.unit,
        reason: cmd.reason,
        status: 'pending',
        requestedAt: now,
        requestedById: actor.id,
        requestedByName: actor.name,
        decidedAt: null,
        decidedByName: null,
        decisionNote: null,
      });
      await this.clocks.step(
        m,
        clock,
        'extension_requested',
        `申请延期 ${cmd.amount} ${UNIT_ZH[cmd.unit]}：${cmd.reason}`,
        actor.name,
        now,
      );
      const facts = (await loadFacts(m, [clock])).get(clock.id)!;
      await this.outbox.add(m, SlaExtensionRequestedV1, {
        ...publicFacts(facts),
        dueAt: clock.dueAt?.toISOString() ?? null,
        extensionId: id,
        amount: cmd.amount,
        unit: cmd.unit,
        reason: cmd.reason,
        requestedAt: now.toISOString(),
        requestedBy: actor,
      });
      return id;
    });
  }

  /**
   * Approving adds the time to the allowance and moves the deadline; a warning already fired is not
   * fired again. A decision may come after the deadline: the breach stays on record either way.
   */
  decideExtension(actor: Actor, cmd: DecideSlaExtensionCommand): Promise<void> {
    assertRole(actor, ['coordinator'], 'decide an extension request', '审批延期申请');
    return this.dataSource.transaction(async (m) => {
      const { clock } = await lockClock(m, actor, cmd.clockId);
      const ext = await m.findOneBy(SlaExtension, { id: cmd.extensionId, clockId: clock.id });
      if (!ext) throw notFound('extension request', '延期申请', cmd.extensionId);
      if (ext.status !== 'pending') {
        throw conflict(
          `the request was already ${ext.status}`,
          `该申请已${ext.status === 'approved' ? '批准' : '驳回'}`,
        );
      }
      if (cmd.approve && clock.state === 'stopped') {
        throw conflict('the clock has stopped; there is nothing to extend', '计时已停止，无需延期');
      }
      const now = this.time.now();
      await m.update(
        SlaExtension,
        { id: ext.id },
        {
          status: cmd.approve ? 'approved' : 'refused',
          decidedAt: now,
          decidedByName: actor.name,
          decisionNote: cmd.note,
        },
      );
      if (cmd.approve) {
        const measure = await this.clocks.measureOf(m, clock);
        clock.extendedMs += extensionMs(ext.unit, ext.amount, clock.workingHours ?? []);
        schedule(clock, measure);
        await m.update(SlaClock, { id: clock.id }, pick(clock, ['extendedMs', 'dueAt', 'nextFireAt']));
      }
      await this.clocks.step(
        m,
        clock,
        cmd.approve ? 'extended' : 'extension_refused',
        cmd.approve
          ? `批准延期 ${ext.amount} ${UNIT_ZH[ext.unit]}：${cmd.note}`
          : `驳回延期申请：${cmd.note}`,
        actor.name,
        now,
      );
      const facts = (await loadFacts(m, [clock])).get(clock.id)!;
      await this.outbox.add(m, SlaExtensionDecidedV1, {
        ...publicFacts(facts),
        dueAt: clock.dueAt?.toISOString() ?? null,
        extensionId: ext.id,
        approved: cmd.approve,
        note: cmd.note,
        decidedAt: now.toISOString(),
        decidedBy: actor,
      });
    });
  }
}
