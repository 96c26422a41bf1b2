import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Audited } from '@fengqiao/audit';
import {
  Actor,
  DispatchSubjects,
  ReclassifyCaseCommand,
  SuggestTypeRequest,
  type TypeSuggestionView,
} from '@fengqiao/contracts';
import { ReclassifyCase } from './reclassify-case';
import { TypeSuggestions } from './type-suggestions';

@Controller()
export class ClassificationHandlers {
  constructor(
    private readonly suggestions: TypeSuggestions,
    private readonly reclassifyCase: ReclassifyCase,
  ) {}

  @MessagePattern(DispatchSubjects.caseSuggestType)
  suggest(@Payload('body') body: SuggestTypeRequest): TypeSuggestionView {
    return this.suggestions.suggest(body.title, body.description);
  }

  /** Answers with the case's new type code. */
  @MessagePattern(DispatchSubjects.caseReclassify)
  @Audited()
  async reclassify(
    @Payload('actor') actor: Actor,
    @Payload('body') body: ReclassifyCaseCommand,
  ): Promise<{ caseId: string; disputeType: string }> {
    await this.reclassifyCase.execute(actor, body.caseId, body.disputeType);
    return { caseId: body.caseId, disputeType: body.disputeType };
  }
}
