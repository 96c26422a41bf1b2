import { Module } from '@nestjs/common';
import { DispatchPolicies } from './dispatch-policies';
import { RoutingHandlers } from './routing.handlers';
import { RoutingMatrix } from './routing-matrix';
import { RoutingProposals } from './routing-proposals';

@Module({
  controllers: [RoutingHandlers],
  providers: [RoutingMatrix, RoutingProposals, DispatchPolicies],
  exports: [RoutingMatrix, RoutingProposals, DispatchPolicies],
})
export class RoutingModule {}
