import { Controller, type Type } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Audited } from '@fengqiao/audit';
import {
  Actor,
  agencySubjects,
  FollowUpOfReferralCommand,
  ListFollowUpsCommand,
  PlanFollowUpCommand,
  RecordFollowUpCommand,
  type AgencyKind,
  type FollowUpView,
  type Page,
} from '@fengqiao/contracts';
import { FollowUpQueries } from './follow-up-queries';
import { FollowUpWork } from './follow-up-work';

/** 回访 request-reply handlers on this agency kind's own subjects. */
export function createFollowUpHandlers(kind: AgencyKind): Type<unknown> {
  const subjects = agencySubjects(kind);

  @Controller()
  class FollowUpHandlers {
    constructor(
      readonly work: FollowUpWork,
      readonly queries: FollowUpQueries,
    ) {}

    @MessagePattern(subjects.followUpGet)
    get(
      @Payload('actor') actor: Actor,
      @Payload('body') body: FollowUpOfReferralCommand,
    ): Promise<FollowUpView> {
      return this.queries.ofReferral(actor, body.referralId);
    }

    @MessagePattern(subjects.followUpPlan)
    @Audited()
    plan(@Payload('actor') actor: Actor, @Payload('body') body: PlanFollowUpCommand): Promise<FollowUpView> {
      return this.work.plan(actor, body);
    }

    @MessagePattern(subjects.followUpRecord)
    @Audited()
    record(
      @Payload('actor') actor: Actor,
      @Payload('body') body: RecordFollowUpCommand,
    ): Promise<FollowUpView> {
      return this.work.record(actor, body);
    }

    @MessagePattern(subjects.followUpList)
    list(
      @Payload('actor') actor: Actor,
      @Payload('body') query: ListFollowUpsCommand,
    ): Promise<Page<FollowUpView>> {
      return this.queries.list(actor, query);
    }
  }
  return FollowUpHandlers;
}
