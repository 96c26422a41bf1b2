import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ConferenceHeldV1,
  ConferenceTaskClosedV1,
  ConferenceTaskIssuedV1,
  type Actor,
  type CloseConferenceTaskRequest,
  type IssueConferenceTaskRequest,
  type RecordConferenceMinutesRequest,
} from '@fengqiao/contracts';
import { conflict, forbidden, notFound, unprocessable } from '@fengqiao/errors';
import { Outbox } from '@fengqiao/messaging';
import { Agency } from '../agencies/agency.entity';
import { Case } from '../cases/case.entity';
import { CASE_ENDINGS, changeCaseStatus } from '../cases/case-status';
import { appendTimelineStep } from '../cases/timeline-entry.entity';
import { beijingTime, Clock } from '../clock';
import {
  assertCoordinatorOver,
  canSeeConference,
  CONFERENCE_STATUS_ZH,
  conferenceUnitIds,
  loadConferenceForUpdate,
} from './conference-access';
import { SlaClocks } from '../sla/sla-clocks';
import { Conference, ConferenceParticipant, ConferenceTask } from './conference.entity';

/** Minutes may be recorded a little ahead of the server's clock (a client's clock runs fast), no more. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * A conference's course: minutes (已召开), tasks to the participant departments (派单), and their
 * closing; when the last task of a held conference closes, the conference closes and the case is resolved.
 */
@Injectable()
export class ConferenceProgress {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly clocks: SlaClocks,
  ) {}

  /** 会议纪要: the conference met; scheduled → held, with the tasks it decided. */
  async recordMinutes(
    actor: Actor,
    conferenceId: string,
    input: RecordConferenceMinutesRequest,
  ): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const { conference, kase } = await loadConferenceForUpdate(m, actor, conferenceId);
      assertCoordinatorOver(actor, kase, 'record the minutes of a joint conference');
      if (conference.status !== 'scheduled') {
        throw conflict(
          `the conference's minutes were already recorded (held at ${beijingTime(conference.heldAt!)}; status: ${conference.status})`,
          `该联席会议已于 ${beijingTime(conference.heldAt!)} 召开并记录纪要（当前状态：${CONFERENCE_STATUS_ZH[conference.status]}）`,
        );
      }
      const now = this.clock.now();
      const heldAt = new Date(input.heldAt);
      if (heldAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
        throw unprocessable(
          'heldAt',
          'is in the future; record the minutes after the meeting',
          '会议召开时间不能晚于当前时间',
        );
      }
      await m.update(
        Conference,
        { id: conferenceId },
        {
          status: 'held',
          minutes: input.minutes,
          heldAt,
          minutesRecordedById: actor.id,
          minutesRecordedByName: actor.name,
        },
      );
      await appendTimelineStep(m, {
        caseId: conference.caseId,
        step: 'conference_held',
        summary: `联席会议召开（${beijingTime(heldAt)}，${conference.place}）。纪要：${input.minutes}`,
        actor,
        at: now,
      });
      await this.outbox.add(m, ConferenceHeldV1, {
        conferenceId,
        caseId: conference.caseId,
        heldAt: heldAt.toISOString(),
        recordedBy: actor,
      });
      // The tasks the meeting decided go out with its minutes, so none can close before its siblings exist.
      conference.heldAt = heldAt;
      for (const [i, task] of input.tasks.entries()) {
        await this.addTask(m, actor, conference, task, now, `tasks[${i}].`);
      }
    });
  }

  /** One more 派单 to a participant unit, on a conference that has met and is not yet closed. */
  async issueTask(actor: Actor, conferenceId: string, input: IssueConferenceTaskRequest): Promise<string> {
    return this.dataSource.transaction(async (m) => {
      const { conference, kase } = await loadConferenceForUpdate(m, actor, conferenceId);
      assertCoordinatorOver(actor, kase, 'issue conference tasks');
      if (conference.status !== 'held') {
        throw conflict(
          conference.status === 'scheduled'
            ? 'the conference has not met yet; record its minutes before issuing tasks (status: scheduled)'
            : 'the conference is closed: every task is done (status: closed)',
          conference.status === 'scheduled'
            ? `联席会议尚未召开，须先记录会议纪要再派单（当前状态：${CONFERENCE_STATUS_ZH.scheduled}）`
            : `联席会议已办结，不能再派单（当前状态：${CONFERENCE_STATUS_ZH.closed}）`,
        );
      }
      if (CASE_ENDINGS.includes(kase.status)) {
        throw conflict(
          `case ${kase.caseNumber} is ${kase.status}; it takes no more tasks`,
          `案件 ${kase.caseNumber} 已结案（${kase.status}），不能再派单`,
        );
      }
      return this.addTask(m, actor, conference, input, this.clock.now(), '');
    });
  }

  /** One task to a participant unit, after the meeting; `field` prefixes the names errors give. */
  private async addTask(
    m: EntityManager,
    actor: Actor,
    conference: Conference,
    input: IssueConferenceTaskRequest,
    now: Date,
    field: string,
  ): Promise<string> {
    const participant = await m.findOne(ConferenceParticipant, {
      where: { conferenceId: conference.id, unitId: input.unitId },
      relations: { unit: true },
    });
    if (!participant?.unit) {
      throw unprocessable(
        `${field}unitId`,
        `unit ${input.unitId} does not take part in this conference; tasks go to participants only`,
        `单位 ${input.unitId} 不是本次联席会议的参会单位，只能向参会单位派单`,
      );
    }
    const dueAt = new Date(input.dueAt);
    const floor = Math.max(now.getTime(), conference.heldAt!.getTime());
    if (dueAt.getTime() <= floor) {
      throw unprocessable(
        `${field}dueAt`,
        `must be after the meeting and after now (${new Date(floor).toISOString()})`,
        `办理期限须晚于会议召开时间和当前时间（${beijingTime(new Date(floor))}）`,
      );
    }
    const id = randomUUID();
    const unit = participant.unit;
    await m.insert(ConferenceTask, {
      id,
      conferenceId: conference.id,
      caseId: conference.caseId,
      unitId: unit.id,
      description: input.description,
      dueAt,
      status: 'open',
      issuedAt: now,
      issuedById: actor.id,
      issuedByName: actor.name,
      result: null,
      closedAt: null,
      closedById: null,
      closedByName: null,
    });
    const kase = await m.findOneByOrFail(Case, { id: conference.caseId });
    await this.clocks.startWithDeadline(m, 'task', { subjectId: id, agency: unit }, kase, now, dueAt);
    await appendTimelineStep(m, {
      caseId: conference.caseId,
      step: 'conference_task_issued',
      summary: `联席会议派单至${unit.name}：${input.description}（期限 ${beijingTime(dueAt)}）`,
      actor,
      agency: unit,
      at: now,
    });
    await this.outbox.add(m, ConferenceTaskIssuedV1, {
      taskId: id,
      conferenceId: conference.id,
      caseId: conference.caseId,
      unitId: unit.id,
      description: input.description,
      dueAt: dueAt.toISOString(),
      issuedBy: actor,
    });
    return id;
  }

  /**
   * The assigned unit closes its task with a result. The last task of a held conference closes the
   * conference and resolves the case, in the same transaction.
   */
  async closeTask(actor: Actor, taskId: string, input: CloseConferenceTaskRequest): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const found = await m.findOneBy(ConferenceTask, { id: taskId });
      if (!found) throw notFound('conference task', '联席会议任务', taskId);
      // The conference first, then the task: concurrent closings of its last two tasks are serialised.
      const conference = await m.findOne(Conference, {
        where: { id: found.conferenceId },
        lock: { mode: 'pessimistic_write' },
      });
      const task = await m.findOne(ConferenceTask, {
        where: { id: taskId },
        lock: { mode: 'pessimistic_write' },
      });
      const kase = await m.findOneBy(Case, { id: found.caseId });
      if (!conference || !task || !kase) throw notFound('conference task', '联席会议任务', taskId);
      const own = actor.agencyId === task.unitId && ['agency_staff', 'mediator'].includes(actor.role);
      if (!own) {
        // Who sees the conference learns the task is not theirs to close; anyone else, that it does not exist.
        if (!canSeeConference(actor, kase, await conferenceUnitIds(m, conference.id)))
          throw notFound('conference task', '联席会议任务', taskId);
        throw forbidden(
          "only the assigned unit's staff may close its task",
          '只有承办单位的工作人员可以办结该任务',
        );
      }
      const unit = await m.findOneByOrFail(Agency, { id: task.unitId });
      if (task.status === 'closed') {
        throw conflict(
          `${unit.name} already closed this task at ${beijingTime(task.closedAt!)} (status: closed)`,
          `${unit.name}已于 ${beijingTime(task.closedAt!)} 办结该任务（当前状态：已办结）`,
        );
      }
      const now = this.clock.now();
      await m.update(
        ConferenceTask,
        { id: taskId },
        {
          status: 'closed',
          result: input.result,
          closedAt: now,
          closedById: actor.id,
          closedByName: actor.name,
        },
      );
      await this.clocks.stop(m, { subjectId: taskId }, ['task'], 'done', now);
      const stillOpen = await m.countBy(ConferenceTask, { conferenceId: conference.id, status: 'open' });
      const closesConference = stillOpen === 0 && conference.status === 'held';
      await appendTimelineStep(m, {
        caseId: task.caseId,
        step: 'conference_task_closed',
        summary:
          `${unit.name}办结联席会议任务：${input.result}` +
          (closesConference ? '。联席会议任务全部办结，联席会议办结，纠纷化解' : ''),
        actor,
        agency: unit,
        at: now,
      });
      await this.outbox.add(m, ConferenceTaskClosedV1, {
        taskId,
        conferenceId: conference.id,
        caseId: task.caseId,
        unitId: unit.id,
        result: input.result,
        closedAt: now.toISOString(),
        closedBy: actor,
      });
      if (!closesConference) return;
      await m.update(Conference, { id: conference.id }, { status: 'closed', closedAt: now });
      const locked = await m.findOne(Case, {
        where: { id: task.caseId },
        lock: { mode: 'pessimistic_write' },
      });
      if (locked && !CASE_ENDINGS.includes(locked.status)) {
        await changeCaseStatus(
          m,
          this.outbox,
          locked,
          'resolved',
          `joint conference ${conference.id}: every task closed`,
          now,
        );
      }
    });
  }
}
