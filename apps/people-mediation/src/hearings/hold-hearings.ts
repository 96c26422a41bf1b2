import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ReferralWorkUnit, WHILE_MEDIATING, type ReferralWork } from '@fengqiao/agency-kit';
import {
  HearingHeldV1,
  HearingScheduledV1,
  type Actor,
  type HearingView,
  type RecordHearingCommand,
  type ScheduleHearingCommand,
} from '@fengqiao/contracts';
import { conflict, notFound, unprocessableAll } from '@fengqiao/errors';
import { Hearing } from './hearing.entity';
import { recordProblems, scheduleProblems } from './hearing-rules';
import { toHearingView } from './hearing.views';

const SCHEDULE: ReferralWork = {
  from: WHILE_MEDIATING,
  en: 'schedule a hearing on referral',
  zh: '安排听证',
};
const RECORD: ReferralWork = { from: WHILE_MEDIATING, en: 'record a hearing on referral', zh: '记录听证' };

/** What every hearing event says of the hearing, beside the referral's facts. */
const hearingFacts = (h: Hearing) => ({ hearingId: h.id, sequence: h.sequence });

/**
 * 听证调 (五级联动's fourth rung): a committee schedules a hearing on a referral it is working on,
 * then records it held, once. Each step is one transaction with its event; the referral stays
 * locked throughout, so hearings on it are numbered without gaps or twins.
 */
@Injectable()
export class HoldHearings {
  constructor(private readonly work: ReferralWorkUnit) {}

  schedule(actor: Actor, cmd: ScheduleHearingCommand): Promise<HearingView> {
    return this.work.on(actor, cmd.referralId, SCHEDULE, async (m, referral) => {
      const problems = scheduleProblems(cmd, referral);
      if (problems.length) throw unprocessableAll(problems);
      const chair = cmd.chair!; // present: scheduleProblems requires it
      const { last } = await m
        .createQueryBuilder(Hearing, 'h')
        .select('COALESCE(MAX(h.sequence), 0)', 'last')
        .where('h.referral_id = :id', { id: referral.id })
        .getRawOne<{ last: number }>()
        .then((r) => r ?? { last: 0 });
      const now = new Date();
      const hearing = m.create(Hearing, {
        id: randomUUID(),
        ...ReferralWorkUnit.idsOf(referral),
        sequence: Number(last) + 1,
        status: 'scheduled',
        scheduledFor: new Date(cmd.scheduledFor),
        place: cmd.place,
        chairName: chair.name,
        chairRole: chair.role,
        participants: cmd.participants.map((p) => ({
          name: p.name,
          role: p.role,
          ...(p.partyPosition !== undefined ? { partyPosition: p.partyPosition } : {}),
        })),
        scheduledAt: now,
        scheduledById: actor.id,
      });
      await m.save(hearing);
      await this.work.report(m, HearingScheduledV1, referral, {
        ...hearingFacts(hearing),
        scheduledFor: hearing.scheduledFor.toISOString(),
        place: hearing.place,
        chairRole: hearing.chairRole,
        participantCount: hearing.participants.length,
        scheduledAt: now.toISOString(),
        scheduledBy: actor,
      });
      return toHearingView(hearing);
    });
  }

  record(actor: Actor, cmd: RecordHearingCommand): Promise<HearingView> {
    return this.work.on(actor, cmd.referralId, RECORD, async (m, referral) => {
      const hearing = await m.findOne(Hearing, {
        where: { id: cmd.hearingId, referralId: referral.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!hearing) throw notFound('hearing', '听证', cmd.hearingId);
      if (hearing.status === 'held') {
        throw conflict(
          `hearing ${hearing.id} was already recorded as held at ${hearing.heldAt?.toISOString()}`,
          '该听证已记录，不能重复记录',
        );
      }
      const now = new Date();
      const problems = recordProblems(cmd, hearing.participants, referral, now);
      if (problems.length) throw unprocessableAll(problems);
      Object.assign(hearing, {
        status: 'held',
        heldAt: new Date(cmd.heldAt),
        statements: cmd.statements.map((s) => ({
          participantIndex: s.participantIndex,
          order: s.order,
          content: s.content,
        })),
        debate: cmd.debate ?? null,
        finding: cmd.finding,
        result: cmd.result,
        recordedAt: now,
        recordedById: actor.id,
      });
      await m.save(hearing);
      await this.work.report(m, HearingHeldV1, referral, {
        ...hearingFacts(hearing),
        heldAt: cmd.heldAt,
        result: cmd.result,
        finding: cmd.finding,
        recordedAt: now.toISOString(),
        recordedBy: actor,
      });
      return toHearingView(hearing);
    });
  }
}
