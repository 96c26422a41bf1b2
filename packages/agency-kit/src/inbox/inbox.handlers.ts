import { Controller, type Type } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Audited } from '@fengqiao/audit';
import { forbidden } from '@fengqiao/errors';
import {
  AcceptReferralCommand,
  Actor,
  agencySubjects,
  CloseReferralCommand,
  ListInboxCommand,
  ReturnReferralCommand,
  StartReferralCommand,
  type AgencyKind,
  type InboxReferralView,
  type Page,
} from '@fengqiao/contracts';
import { InboxQueries } from './inbox-queries';
import { ReferralLifecycle } from './referral-lifecycle';
import { mayWorkOn } from './working-referrals';

/** The inbox's request-reply handlers on this agency kind's own subjects. */
export function createInboxHandlers(kind: AgencyKind): Type<unknown> {
  const subjects = agencySubjects(kind);

  @Controller()
  class InboxHandlers {
    constructor(
      readonly inbox: InboxQueries,
      readonly lifecycle: ReferralLifecycle,
    ) {}

    @MessagePattern(subjects.inboxList)
    list(
      @Payload('actor') actor: Actor,
      @Payload('body') query: ListInboxCommand,
    ): Promise<Page<InboxReferralView>> {
      // Coordinators look into the inboxes of agencies serving their 辖区 (the gateway checks which);
      // agency staff only into their own agency's.
      if (actor.role !== 'coordinator' && !mayWorkOn(actor, query.agencyId)) {
        throw forbidden("this is another agency's inbox", '无权查看其他单位的派单');
      }
      return this.inbox.list(actor, query);
    }

    @MessagePattern(subjects.referralAccept)
    @Audited()
    accept(
      @Payload('actor') actor: Actor,
      @Payload('body') body: AcceptReferralCommand,
    ): Promise<InboxReferralView> {
      return this.lifecycle.accept(actor, body.referralId);
    }

    /** 退单 with a reason. */
    @MessagePattern(subjects.referralReturn)
    @Audited()
    returnReferral(
      @Payload('actor') actor: Actor,
      @Payload('body') body: ReturnReferralCommand,
    ): Promise<InboxReferralView> {
      const { referralId, ...input } = body;
      return this.lifecycle.returnToDispatch(actor, referralId, input);
    }

    /** 开始办理. */
    @MessagePattern(subjects.referralStart)
    @Audited()
    start(
      @Payload('actor') actor: Actor,
      @Payload('body') body: StartReferralCommand,
    ): Promise<InboxReferralView> {
      return this.lifecycle.start(actor, body.referralId);
    }

    @MessagePattern(subjects.referralClose)
    @Audited()
    close(
      @Payload('actor') actor: Actor,
      @Payload('body') body: CloseReferralCommand,
    ): Promise<InboxReferralView> {
      const { referralId, ...input } = body;
      return this.lifecycle.close(actor, referralId, input);
    }
  }
  return InboxHandlers;
}
