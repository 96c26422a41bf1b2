import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ReferralMediatorAssignedV1,
  type Actor,
  type AssignMediatorCommand,
  type InboxReferralView,
} from '@fengqiao/contracts';
import { unprocessable } from '@fengqiao/errors';
import { Outbox } from '@fengqiao/messaging';
import { AgencyIdentity } from '../agency-kind';
import type { InboxReferral } from '../inbox/inbox-referral.entity';
import { toInboxReferralView } from '../inbox/inbox.views';
import {
  lockWorkingReferral,
  referralFacts,
  WHILE_MEDIATING,
  type ReferralWork,
} from '../inbox/working-referrals';
import { Mediator } from './mediator.entity';

const ASSIGN: ReferralWork = {
  from: WHILE_MEDIATING,
  en: 'assign a mediator to referral',
  zh: '指定承办调解员',
};

/**
 * One of the agency's own mediators, on duty: who may take a referral in charge. Anyone else,
 * unknown ids included, is a 422 on `field`. Locked for share, so going off duty waits for the
 * assignment that saw them on duty.
 */
export async function assignableMediator(
  m: EntityManager,
  agencyId: string,
  mediatorId: string,
  field = 'mediatorId',
): Promise<Mediator> {
  const mediator = await m.findOne(Mediator, {
    where: { id: mediatorId, agencyId },
    lock: { mode: 'pessimistic_read' },
  });
  if (!mediator)
    throw unprocessable(
      field,
      `mediator ${mediatorId} is not one of this agency's mediators`,
      `调解员 ${mediatorId} 不是本单位的调解员`,
    );
  if (!mediator.onDuty)
    throw unprocessable(
      field,
      `${mediator.name} is off duty and cannot take a referral`,
      `调解员${mediator.name}不在岗，不能承办派单`,
    );
  return mediator;
}

/** 指定承办调解员: while the referral is being worked on; assigning again replaces the one before. */
@Injectable()
export class AssignMediator {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly agency: AgencyIdentity,
  ) {}

  assign(actor: Actor, input: AssignMediatorCommand): Promise<InboxReferralView> {
    return this.dataSource.transaction(async (m) => {
      const referral = await lockWorkingReferral(m, actor, input.referralId, ASSIGN);
      const mediator = await assignableMediator(m, referral.agencyId, input.mediatorId);
      await this.assignIn(m, actor, referral, mediator);
      return toInboxReferralView(referral);
    });
  }

  /**
   * Makes `mediator` the one in charge of `referral` and says so, in the caller's transaction with
   * the referral locked (a service's own way of choosing one, such as the parties choosing their
   * lawyer, ends here too). The same mediator again changes nothing, and says nothing: answers
   * whether it changed.
   */
  async assignIn(
    m: EntityManager,
    actor: Actor,
    referral: InboxReferral,
    mediator: Pick<Mediator, 'id' | 'name'>,
    at = new Date(),
  ): Promise<boolean> {
    const previous = referral.mediatorId;
    if (previous === mediator.id) return false;
    referral.mediatorId = mediator.id;
    await m.save(referral);
    await this.outbox.add(m, ReferralMediatorAssignedV1, {
      ...referralFacts(referral, this.agency.kind),
      mediatorId: mediator.id,
      mediatorName: mediator.name,
      ...(previous ? { previousMediatorId: previous } : {}),
      assignedAt: at.toISOString(),
      assignedBy: actor,
    });
    return true;
  }
}
