import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { ConferenceScheduledV1, type Actor, type ScheduleConferenceRequest } from '@fengqiao/contracts';
import { conflict, notFound, unprocessable } from '@fengqiao/errors';
import { Outbox } from '@fengqiao/messaging';
import { Agency } from '../agencies/agency.entity';
import { servesPlace } from '../agencies/jurisdiction.entity';
import { Case } from '../cases/case.entity';
import { caseScopeOf, isInCaseScope } from '../cases/case-scope';
import { CASE_ENDINGS } from '../cases/case-status';
import { appendTimelineStep } from '../cases/timeline-entry.entity';
import { LadderLevel } from '../ladder/ladder.entity';
import { ladderLevel } from '../ladder/ladder-policy';
import { beijingTime, Clock } from '../clock';
import { assertCoordinatorOver, CONFERENCE_STATUS_ZH } from './conference-access';
import { Conference, ConferenceParticipant } from './conference.entity';

/** 联席调: a coordinator convenes the departments on a case standing at its ladder's joint-conference level. */
@Injectable()
export class ScheduleConference {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, caseId: string, input: ScheduleConferenceRequest): Promise<string> {
    return this.dataSource.transaction(async (m) => {
      // Locks the case so two coordinators cannot convene two conferences on it at once.
      const kase = await m.findOne(Case, { where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
      if (!kase || !isInCaseScope(caseScopeOf(actor), kase.jurisdictionCode, [])) {
        throw notFound('case', '案件', caseId);
      }
      assertCoordinatorOver(actor, kase, 'convene a joint conference');
      if (CASE_ENDINGS.includes(kase.status)) {
        throw conflict(
          `case ${kase.caseNumber} is ${kase.status}; a closed case is not convened`,
          `案件 ${kase.caseNumber} 已结案（${kase.status}），不能召开联席会议`,
        );
      }
      await this.assertAtJointConferenceLevel(m, kase);
      const active = await m.findOne(Conference, {
        where: { caseId, status: In(['scheduled', 'held']) },
      });
      if (active) {
        throw conflict(
          `case ${kase.caseNumber} already has a joint conference (${active.id}, status: ${active.status}); finish it first`,
          `案件 ${kase.caseNumber} 已有联席会议（${CONFERENCE_STATUS_ZH[active.status]}），须先办结`,
        );
      }
      const units = await this.participants(m, kase, input.participantUnitIds);
      const now = this.clock.now();
      const scheduledFor = new Date(input.scheduledFor);
      const id = randomUUID();
      await m.insert(Conference, {
        id,
        caseId,
        ladderCode: kase.ladderCode,
        ladderLevel: kase.ladderLevel,
        status: 'scheduled',
        scheduledFor,
        place: input.place,
        scheduledAt: now,
        scheduledById: actor.id,
        scheduledByName: actor.name,
        minutes: null,
        heldAt: null,
        minutesRecordedById: null,
        minutesRecordedByName: null,
        closedAt: null,
      });
      await m.insert(
        ConferenceParticipant,
        units.map((u, position) => ({ conferenceId: id, unitId: u.id, position })),
      );
      await appendTimelineStep(m, {
        caseId,
        step: 'conference_scheduled',
        summary: `安排联席会议：${beijingTime(scheduledFor)}，${input.place}；参会单位：${units.map((u) => u.name).join('、')}`,
        actor,
        at: now,
      });
      await this.outbox.add(m, ConferenceScheduledV1, {
        conferenceId: id,
        caseId,
        caseNumber: kase.caseNumber,
        scheduledFor: scheduledFor.toISOString(),
        place: input.place,
        participantUnitIds: units.map((u) => u.id),
        scheduledBy: actor,
      });
      return id;
    });
  }

  /** The rung the case stands on must be a joint conference (五级联动's fifth, 天祝's third …). */
  private async assertAtJointConferenceLevel(m: EntityManager, kase: Case): Promise<void> {
    const level = await ladderLevel(m, kase.ladderCode, kase.ladderLevel, 'caseId');
    if (level.mode === 'joint_conference') return;
    const target = await m.findOne(LadderLevel, {
      where: { ladderCode: kase.ladderCode, mode: 'joint_conference' },
      order: { level: 'ASC' },
    });
    const where = target ? ` to level ${target.level} (${target.nameZh})` : '';
    const whereZh = target ? `至第 ${target.level} 级（${target.nameZh}）` : '至联席调';
    throw unprocessable(
      'caseId',
      `case ${kase.caseNumber} is at level ${kase.ladderLevel} (${level.nameZh}) of its ladder ${kase.ladderCode}; ` +
        `it must be escalated${where} before a joint conference`,
      `案件 ${kase.caseNumber} 当前处于第 ${kase.ladderLevel} 级（${level.nameZh}），须先升级${whereZh}才能召开联席会议`,
    );
  }

  /** The participants in the order given, each an existing unit that serves the case's place. */
  private async participants(m: EntityManager, kase: Case, unitIds: string[]): Promise<Agency[]> {
    const found = await m.findBy(Agency, { id: In(unitIds) });
    return unitIds.map((unitId, i) => {
      const unit = found.find((a) => a.id === unitId);
      if (!unit) {
        throw unprocessable(`participantUnitIds[${i}]`, `no unit ${unitId}`, `单位 ${unitId} 不存在`);
      }
      if (!servesPlace(unit.jurisdictionCode, kase.jurisdictionCode)) {
        throw unprocessable(
          `participantUnitIds[${i}]`,
          `${unit.name} does not serve the case's jurisdiction ${kase.jurisdictionCode} (it is neither there, above it nor inside it)`,
          `${unit.name}不属于案件所在辖区 ${kase.jurisdictionCode} 及其上下级`,
        );
      }
      return unit;
    });
  }
}
