import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Audited } from '@fengqiao/audit';
import {
  Actor,
  JudicialConfirmationOfReferral,
  JudicialSubjects,
  ListJudicialConfirmationsCommand,
  PrepareJudicialConfirmationCommand,
  RecordConfirmationFilingCommand,
  RecordConfirmationResultCommand,
  type KeptDocumentFileView,
  type JudicialConfirmationView,
  type Page,
} from '@fengqiao/contracts';
import { JudicialConfirmationQueries } from './judicial-confirmation-queries';
import { JudicialConfirmations } from './judicial-confirmations';

@Controller()
export class JudicialConfirmationHandlers {
  constructor(
    private readonly confirmations: JudicialConfirmations,
    private readonly queries: JudicialConfirmationQueries,
  ) {}

  @MessagePattern(JudicialSubjects.confirmationPrepare)
  @Audited()
  prepare(
    @Payload('actor') actor: Actor,
    @Payload('body') body: PrepareJudicialConfirmationCommand,
  ): Promise<JudicialConfirmationView> {
    return this.confirmations.prepare(actor, body);
  }

  @MessagePattern(JudicialSubjects.confirmationRecordFiling)
  @Audited()
  recordFiling(
    @Payload('actor') actor: Actor,
    @Payload('body') body: RecordConfirmationFilingCommand,
  ): Promise<JudicialConfirmationView> {
    return this.confirmations.recordFiling(actor, body);
  }

  @MessagePattern(JudicialSubjects.confirmationRecordResult)
  @Audited()
  recordResult(
    @Payload('actor') actor: Actor,
    @Payload('body') body: RecordConfirmationResultCommand,
  ): Promise<JudicialConfirmationView> {
    return this.confirmations.recordResult(actor, body);
  }

  @MessagePattern(JudicialSubjects.confirmationGet)
  get(
    @Payload('actor') actor: Actor,
    @Payload('body') body: JudicialConfirmationOfReferral,
  ): Promise<JudicialConfirmationView> {
    return this.queries.get(actor, body.referralId);
  }

  @MessagePattern(JudicialSubjects.confirmationGetPdf)
  pdf(
    @Payload('actor') actor: Actor,
    @Payload('body') body: JudicialConfirmationOfReferral,
  ): Promise<KeptDocumentFileView> {
    return this.queries.pdf(actor, body.referralId);
  }

  @MessagePattern(JudicialSubjects.confirmationList)
  list(
    @Payload('actor') actor: Actor,
    @Payload('body') query: ListJudicialConfirmationsCommand,
  ): Promise<Page<JudicialConfirmationView>> {
    return this.queries.list(actor, query);
  }
}
