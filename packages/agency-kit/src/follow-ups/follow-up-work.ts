import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  FollowUpRecordedV1,
  FollowUpScheduledV1,
  type Actor,
  type FollowUpView,
  type PlanFollowUpCommand,
  type RecordFollowUpCommand,
} from '@fengqiao/contracts';
import { conflict, notFound, unprocessableAll, type FieldProblem } from '@fengqiao/errors';
import { Outbox } from '@fengqiao/messaging';
import { AgencyIdentity } from '../agency-kind';
import type { InboxReferral } from '../inbox/inbox-referral.entity';
import { findOwnReferral, referralFacts } from '../inbox/working-referrals';
import { Mediator } from '../mediators/mediator.entity';
import { followUpFacts } from './follow-up-facts';
import { FollowUp } from './follow-up.entity';
import { toFollowUpView } from './follow-up.views';

/** 回访须由办结调解员以外的人员进行: the rule both the plan and the record keep. */
const SOMEONE_ELSE = {
  en: 'the follow-up must be made by someone other than who closed the referral or had it in charge',
  zh: '回访须由办结调解员以外的人员进行',
};

/** Re-planning and recording the follow-up of a resolved referral, each while it is still to be made. */
@Injectable()
export class FollowUpWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly agency: AgencyIdentity,
  ) {}

  /** When, how and by whom; written again as FollowUpScheduledV1 (dispatch's 回访 clock keeps running). */
  plan(actor: Actor, input: PlanFollowUpCommand): Promise<FollowUpView> {
    return this.dataSource.transaction(async (m) => {
      const { referral, followUp } = await this.lockScheduled(m, actor, input.referralId, {
        en: 'plan',
        zh: '不能再安排',
      });
      const scheduledFor = new Date(input.scheduledFor);
      const assignee = input.assigneeMediatorId
        ? await m.findOne(Mediator, { where: { id: input.assigneeMediatorId, agencyId: referral.agencyId } })
        : null;
      const problems: FieldProblem[] = [];
      if (referral.closedAt && scheduledFor < referral.closedAt)
        problems.push({
          field: 'scheduledFor',
          reason: `a follow-up comes after closing (${referral.closedAt.toISOString()})`,
          reasonZh: '回访时间不能早于办结时间',
        });
      if (input.assigneeMediatorId)
        problems.push(...assigneeProblems(referral, input.assigneeMediatorId, assignee));
      if (problems.length > 0) throw unprocessableAll(problems);

      Object.assign(followUp, {
        scheduledFor,
        method: input.method,
        assigneeMediatorId: assignee?.id ?? null,
        assignee,
        scheduledAt: new Date(),
        scheduledById: actor.id,
      });
      await m.save(followUp);
      await this.outbox.add(
        m,
        FollowUpScheduledV1,
        followUpFacts(referral, followUp, this.agency.kind, actor),
      );
      return toFollowUpView(followUp, referral);
    });
  }

  /** 回访记录: once, by someone other than who closed the referral or had it in charge. */
  record(actor: Actor, input: RecordFollowUpCommand): Promise<FollowUpView> {
    return this.dataSource.transaction(async (m) => {
      const { referral, followUp } = await this.lockScheduled(m, actor, input.referralId, {
        en: 'record',
        zh: '不能重复记录',
      });
      const inCharge = referral.mediatorId
        ? await m.findOne(Mediator, { where: { id: referral.mediatorId } })
        : null;
      const problems: FieldProblem[] = [];
      if (actor.id === referral.closedById || (inCharge?.userId && actor.id === inCharge.userId))
        problems.push({ field: 'recordedBy', reason: SOMEONE_ELSE.en, reasonZh: SOMEONE_ELSE.zh });
      if (input.rebound && !input.note?.trim())
        problems.push({
          field: 'note',
          reason: 'a rebound needs a note on what happened',
          reasonZh: '纠纷反弹须说明情况',
        });
      if (problems.length > 0) throw unprocessableAll(problems);

      const recordedAt = new Date();
      Object.assign(followUp, {
        status: 'done',
        method: input.method,
        satisfaction: input.satisfaction,
        rebound: input.rebound,
        note: input.note ?? null,
        contactedPartyPositions: input.contactedPartyPositions ?? null,
        recordedAt,
        recordedById: actor.id,
        recordedByName: actor.name,
      });
      await m.save(followUp);
      await this.outbox.add(m, FollowUpRecordedV1, {
        ...referralFacts(referral, this.agency.kind),
        followUpId: followUp.id,
        method: input.method,
        satisfaction: input.satisfaction,
        rebound: input.rebound,
        note: input.note ?? '',
        recordedAt: recordedAt.toISOString(),
        recordedBy: actor,
      });
      return toFollowUpView(followUp, referral);
    });
  }

  /** The agency's own referral (404 otherwise) and its follow-up, locked and still to be made (409 once done). */
  private async lockScheduled(
    m: EntityManager,
    actor: Actor,
    referralId: string,
    work: { en: string; zh: string },
  ): Promise<{ referral: InboxReferral; followUp: FollowUp }> {
    const referral = await findOwnReferral(m, actor, referralId);
    const followUp = await m.findOne(FollowUp, {
      where: { referralId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!followUp) throw notFound('follow-up of referral', '派单的回访', referralId);
    if (followUp.status === 'done')
      throw conflict(
        `cannot ${work.en} the follow-up of referral ${referralId}: it was made on ${followUp.recordedAt?.toISOString()}`,
        `该派单已回访，${work.zh}`,
      );
    followUp.assignee = followUp.assigneeMediatorId
      ? await m.findOne(Mediator, { where: { id: followUp.assigneeMediatorId } })
      : null;
    return { referral, followUp };
  }
}

function assigneeProblems(
  referral: InboxReferral,
  assigneeId: string,
  assignee: Mediator | null,
): FieldProblem[] {
  if (!assignee)
    return [
      {
        field: 'assigneeMediatorId',
        reason: `mediator ${assigneeId} is not one of this agency's mediators`,
        reasonZh: `调解员 ${assigneeId} 不是本单位的调解员`,
      },
    ];
  if (assignee.id === referral.mediatorId || (assignee.userId && assignee.userId === referral.closedById))
    return [{ field: 'assigneeMediatorId', reason: SOMEONE_ELSE.en, reasonZh: SOMEONE_ELSE.zh }];
  return [];
}
