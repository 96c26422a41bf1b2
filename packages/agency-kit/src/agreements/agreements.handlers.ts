import { Controller, type Type } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Audited } from '@fengqiao/audit';
import {
  Actor,
  agencySubjects,
  AgreementRefCommand,
  DraftAgreementCommand,
  ListAgreementsCommand,
  RecordPerformanceCommand,
  SignAgreementCommand,
  type AgencyKind,
  type KeptDocumentFileView,
  type AgreementSummaryView,
  type AgreementView,
  type Page,
} from '@fengqiao/contracts';
import { assertMayRead } from '../mediators/agency-access';
import { AgreementDrafting } from './agreement-drafting';
import { AgreementPerformance } from './agreement-performance';
import { AgreementQueries } from './agreement-queries';

/** 调解协议书 on this agency kind's own subjects. */
export function createAgreementHandlers(kind: AgencyKind): Type<unknown> {
  const subjects = agencySubjects(kind);

  @Controller()
  class AgreementHandlers {
    constructor(
      readonly drafting: AgreementDrafting,
      readonly performance: AgreementPerformance,
      readonly queries: AgreementQueries,
    ) {}

    @MessagePattern(subjects.agreementDraft)
    @Audited()
    draft(
      @Payload('actor') actor: Actor,
      @Payload('body') body: DraftAgreementCommand,
    ): Promise<AgreementView> {
      const { referralId, ...input } = body;
      return this.drafting.draft(actor, referralId, input);
    }

    @MessagePattern(subjects.agreementRedraft)
    @Audited()
    redraft(
      @Payload('actor') actor: Actor,
      @Payload('body') body: DraftAgreementCommand,
    ): Promise<AgreementView> {
      const { referralId, ...input } = body;
      return this.drafting.redraft(actor, referralId, input);
    }

    @MessagePattern(subjects.agreementSign)
    @Audited()
    sign(
      @Payload('actor') actor: Actor,
      @Payload('body') body: SignAgreementCommand,
    ): Promise<AgreementView> {
      const { referralId, ...input } = body;
      return this.drafting.sign(actor, referralId, input);
    }

    @MessagePattern(subjects.agreementRecordPerformance)
    @Audited()
    recordPerformance(
      @Payload('actor') actor: Actor,
      @Payload('body') body: RecordPerformanceCommand,
    ): Promise<AgreementView> {
      const { referralId, termNo, ...input } = body;
      return this.performance.record(actor, referralId, termNo, input);
    }

    @MessagePattern(subjects.agreementGet)
    get(@Payload('actor') actor: Actor, @Payload('body') body: AgreementRefCommand): Promise<AgreementView> {
      return this.queries.get(actor, body.referralId);
    }

    /** The signed PDF carries full ID numbers: audited like any reveal of personal data. */
    @MessagePattern(subjects.agreementPdf)
    @Audited()
    pdf(
      @Payload('actor') actor: Actor,
      @Payload('body') body: AgreementRefCommand,
    ): Promise<KeptDocumentFileView> {
      return this.queries.pdf(actor, body.referralId);
    }

    @MessagePattern(subjects.agreementList)
    list(
      @Payload('actor') actor: Actor,
      @Payload('body') query: ListAgreementsCommand,
    ): Promise<Page<AgreementSummaryView>> {
      assertMayRead(actor, query.agencyId);
      return this.queries.list(actor, query);
    }
  }
  return AgreementHandlers;
}
