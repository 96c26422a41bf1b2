import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Audited } from '@fengqiao/audit';
import {
  Actor,
  CaseIdParams,
  DispatchSubjects,
  PublishRoutingMatrixRequest,
  RoutingMatrixQuery,
  SetDispatchPolicyCommand,
  type DispatchPolicyView,
  type RoutingMatrixView,
  type RoutingProposalView,
} from '@fengqiao/contracts';
import { DispatchPolicies } from './dispatch-policies';
import { RoutingMatrix } from './routing-matrix';
import { RoutingProposals } from './routing-proposals';

@Controller()
export class RoutingHandlers {
  constructor(
    private readonly proposals: RoutingProposals,
    private readonly matrix: RoutingMatrix,
    private readonly policies: DispatchPolicies,
  ) {}

  @MessagePattern(DispatchSubjects.routingPropose)
  propose(
    @Payload('actor') actor: Actor,
    @Payload('body') params: CaseIdParams,
  ): Promise<RoutingProposalView> {
    return this.proposals.forCase(actor, params.caseId);
  }

  @MessagePattern(DispatchSubjects.routingMatrixGet)
  getMatrix(@Payload('body') query: RoutingMatrixQuery): Promise<RoutingMatrixView> {
    return this.matrix.get(query.version);
  }

  @MessagePattern(DispatchSubjects.routingMatrixPublish)
  @Audited()
  publish(
    @Payload('actor') actor: Actor,
    @Payload('body') body: PublishRoutingMatrixRequest,
  ): Promise<RoutingMatrixView> {
    return this.matrix.publish(actor, body);
  }

  @MessagePattern(DispatchSubjects.dispatchPolicyList)
  listPolicies(): Promise<DispatchPolicyView[]> {
    return this.policies.list();
  }

  @MessagePattern(DispatchSubjects.dispatchPolicySet)
  @Audited()
  setPolicy(
    @Payload('actor') actor: Actor,
    @Payload('body') body: SetDispatchPolicyCommand,
  ): Promise<DispatchPolicyView> {
    return this.policies.set(actor, body);
  }
}
