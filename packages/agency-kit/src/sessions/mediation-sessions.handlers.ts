import { Controller, type Type } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Audited } from '@fengqiao/audit';
import {
  Actor,
  agencySubjects,
  ListMediationSessionsCommand,
  RecordMediationSessionCommand,
  type AgencyKind,
  type MediationSessionView,
  type Page,
} from '@fengqiao/contracts';
import { MediationSessionQueries } from './mediation-session-queries';
import { RecordMediationSession } from './record-mediation-session';

/** 调解记录 request-reply handlers on this agency kind's own subjects. */
export function createMediationSessionHandlers(kind: AgencyKind): Type<unknown> {
  const subjects = agencySubjects(kind);

  @Controller()
  class MediationSessionHandlers {
    constructor(
      readonly recording: RecordMediationSession,
      readonly queries: MediationSessionQueries,
    ) {}

    @MessagePattern(subjects.sessionRecord)
    @Audited()
    record(
      @Payload('actor') actor: Actor,
      @Payload('body') body: RecordMediationSessionCommand,
    ): Promise<MediationSessionView> {
      return this.recording.record(actor, body);
    }

    @MessagePattern(subjects.sessionList)
    list(
      @Payload('actor') actor: Actor,
      @Payload('body') query: ListMediationSessionsCommand,
    ): Promise<Page<MediationSessionView>> {
      return this.queries.list(actor, query);
    }
  }
  return MediationSessionHandlers;
}
