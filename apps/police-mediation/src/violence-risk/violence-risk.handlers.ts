import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Audited } from '@fengqiao/audit';
import {
  Actor,
  AssessViolenceRiskCommand,
  ListViolenceRiskAssessmentsCommand,
  PoliceSubjects,
  type Page,
  type ViolenceRiskAssessmentView,
} from '@fengqiao/contracts';
import { ViolenceRiskAssessments } from './violence-risk-assessments';
import { ViolenceRiskQueries } from './violence-risk-queries';

@Controller()
export class ViolenceRiskHandlers {
  constructor(
    private readonly assessments: ViolenceRiskAssessments,
    private readonly queries: ViolenceRiskQueries,
  ) {}

  @MessagePattern(PoliceSubjects.violenceRiskAssess)
  @Audited()
  assess(
    @Payload('actor') actor: Actor,
    @Payload('body') body: AssessViolenceRiskCommand,
  ): Promise<ViolenceRiskAssessmentView> {
    return this.assessments.assess(actor, body);
  }

  @MessagePattern(PoliceSubjects.violenceRiskList)
  list(
    @Payload('actor') actor: Actor,
    @Payload('body') query: ListViolenceRiskAssessmentsCommand,
  ): Promise<Page<ViolenceRiskAssessmentView>> {
    return this.queries.list(actor, query);
  }
}
