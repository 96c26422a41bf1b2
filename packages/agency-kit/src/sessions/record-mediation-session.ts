import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import {
  MediationSessionRecordedV1,
  type Actor,
  type MediationSessionView,
  type RecordMediationSessionCommand,
} from '@fengqiao/contracts';
import { unprocessableAll, type FieldProblem } from '@fengqiao/errors';
import { Outbox } from '@fengqiao/messaging';
import { AgencyIdentity } from '../agency-kind';
import type { InboxReferral } from '../inbox/inbox-referral.entity';
import { ReferralLifecycle } from '../inbox/referral-lifecycle';
import {
  lockWorkingReferral,
  referralFacts,
  WHILE_MEDIATING,
  type ReferralWork,
} from '../inbox/working-referrals';
import { Mediator } from '../mediators/mediator.entity';
import { MediationSession } from './mediation-session.entity';
import { toMediationSessionView } from './mediation-session.views';

const RECORD: ReferralWork = {
  from: WHILE_MEDIATING,
  en: 'record a mediation session on referral',
  zh: '记录调解',
};

/** How far a session's time may run ahead of this server's clock (the recorder's clock may be fast). */
const CLOCK_SKEW_MS = 60_000;

/**
 * 调解记录: a session held on a referral the agency is working on, numbered in the referral's
 * lock (so two recorders never take the same number). The first session on an accepted referral
 * also starts it (开始办理), in the same transaction, as of when the session was held.
 */
@Injectable()
export class RecordMediationSession {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly agency: AgencyIdentity,
    private readonly lifecycle: ReferralLifecycle,
  ) {}

  record(actor: Actor, input: RecordMediationSessionCommand): Promise<MediationSessionView> {
    return this.dataSource.transaction(async (m) => {
      const referral = await lockWorkingReferral(m, actor, input.referralId, RECORD);
      const heldAt = new Date(input.heldAt);
      const nextSessionAt = input.nextSessionAt ? new Date(input.nextSessionAt) : null;
      const mediators = await m.find(Mediator, {
        where: { id: In(input.mediatorIds), agencyId: referral.agencyId },
      });
      const problems = [
        ...whenProblems(referral, heldAt, nextSessionAt),
        ...strangers(input.mediatorIds, mediators),
      ];
      if (problems.length > 0) throw unprocessableAll(problems);

      const session = m.create(MediationSession, {
        id: randomUUID(),
        referralId: referral.id,
        agencyId: referral.agencyId,
        sequence: ((await m.maximum(MediationSession, 'sequence', { referralId: referral.id })) ?? 0) + 1,
        heldAt,
        place: input.place,
        // In the order the request names them: the first is the one who led the session.
        mediators: input.mediatorIds.map((id) => ({ id, name: mediators.find((x) => x.id === id)!.name })),
        participants: input.participants.map(({ name, role, partyPosition }) => ({
          name,
          role,
          ...(partyPosition !== undefined ? { partyPosition } : {}),
        })),
        summary: input.summary,
        result: input.result,
        nextSessionAt,
        recordedById: actor.id,
        recordedByName: actor.name,
      });
      await m.save(session);
      if (referral.status === 'accepted') await this.lifecycle.startIn(m, referral, actor, heldAt);
      await this.outbox.add(m, MediationSessionRecordedV1, {
        ...referralFacts(referral, this.agency.kind),
        sessionId: session.id,
        sequence: session.sequence,
        heldAt: heldAt.toISOString(),
        result: session.result,
        ...(nextSessionAt ? { nextSessionAt: nextSessionAt.toISOString() } : {}),
        recordedAt: new Date(session.recordedAt).toISOString(),
        recordedBy: actor,
      });
      return toMediationSessionView(session);
    });
  }
}

function whenProblems(referral: InboxReferral, heldAt: Date, nextSessionAt: Date | null): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (heldAt.getTime() > Date.now() + CLOCK_SKEW_MS)
    problems.push({
      field: 'heldAt',
      reason: 'a session cannot be recorded before it is held: heldAt is in the future',
      reasonZh: '调解时间不能晚于当前时间',
    });
  if (referral.acceptedAt && heldAt < referral.acceptedAt)
    problems.push({
      field: 'heldAt',
      reason: `the session is dated before the referral was accepted (${referral.acceptedAt.toISOString()})`,
      reasonZh: '调解时间不能早于签收时间',
    });
  if (nextSessionAt && nextSessionAt <= heldAt)
    problems.push({
      field: 'nextSessionAt',
      reason: 'the next session must come after this one',
      reasonZh: '下次调解时间须晚于本次调解时间',
    });
  return problems;
}

/** Ids the request names that are not the agency's own mediators. */
function strangers(ids: string[], found: Mediator[]): FieldProblem[] {
  const unknown = ids.filter((id) => !found.some((x) => x.id === id));
  if (unknown.length === 0) return [];
  return [
    {
      field: 'mediatorIds',
      reason: `not this agency's mediators: ${unknown.join(', ')}`,
      reasonZh: `以下调解员不是本单位的调解员：${unknown.join('、')}`,
    },
  ];
}
