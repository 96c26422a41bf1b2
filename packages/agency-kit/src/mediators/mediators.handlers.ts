import { Controller, type Type } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Audited } from '@fengqiao/audit';
import {
  Actor,
  agencySubjects,
  AssignMediatorCommand,
  ListMediatorsCommand,
  MediatorRefParams,
  RegisterMediatorCommand,
  UpdateMediatorCommand,
  type AgencyKind,
  type InboxReferralView,
  type MediatorView,
  type Page,
} from '@fengqiao/contracts';
import { assertMayRead } from './agency-access';
import { AssignMediator } from './assign-mediator';
import { MediatorQueries } from './mediator-queries';
import { MediatorRoster } from './mediator-roster';

/** The roster's and the 承办调解员 request-reply handlers on this agency kind's own subjects. */
export function createMediatorHandlers(kind: AgencyKind): Type<unknown> {
  const subjects = agencySubjects(kind);

  @Controller()
  class MediatorHandlers {
    constructor(
      readonly roster: MediatorRoster,
      readonly queries: MediatorQueries,
      readonly assignment: AssignMediator,
    ) {}

    @MessagePattern(subjects.mediatorRegister)
    @Audited()
    register(
      @Payload('actor') actor: Actor,
      @Payload('body') body: RegisterMediatorCommand,
    ): Promise<MediatorView> {
      return this.roster.register(actor, body);
    }

    @MessagePattern(subjects.mediatorUpdate)
    @Audited()
    update(
      @Payload('actor') actor: Actor,
      @Payload('body') body: UpdateMediatorCommand,
    ): Promise<MediatorView> {
      return this.roster.update(actor, body);
    }

    @MessagePattern(subjects.mediatorList)
    list(
      @Payload('actor') actor: Actor,
      @Payload('body') query: ListMediatorsCommand,
    ): Promise<Page<MediatorView>> {
      assertMayRead(actor, query.agencyId);
      return this.queries.list(query);
    }

    @MessagePattern(subjects.mediatorGet)
    get(@Payload('actor') actor: Actor, @Payload('body') params: MediatorRefParams): Promise<MediatorView> {
      return this.queries.get(actor, params.agencyId, params.mediatorId);
    }

    /** 指定承办调解员. */
    @MessagePattern(subjects.referralAssignMediator)
    @Audited()
    assign(
      @Payload('actor') actor: Actor,
      @Payload('body') body: AssignMediatorCommand,
    ): Promise<InboxReferralView> {
      return this.assignment.assign(actor, body);
    }
  }
  return MediatorHandlers;
}
