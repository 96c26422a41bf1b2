import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  DispatchPolicyRequest,
  DispatchPolicyView,
  DispatchSubjects,
  JurisdictionParams,
  PublishRoutingMatrixRequest,
  RoutingMatrixQuery,
  RoutingMatrixView,
} from '@fengqiao/contracts';
import { Allow } from '../http/access';
import { CurrentActor } from '../http/actor';
import { ServiceClient } from '../http/service-client';

@ApiTags('routing 派单规则')
@Controller('api/v1')
export class RoutingController {
  constructor(private readonly services: ServiceClient) {}

  @Get('routing-matrix')
  @Allow('coordinator', 'leader', 'admin')
  @ApiOkResponse({
    type: RoutingMatrixView,
    description: 'the responsibility matrix in force, or a past version',
  })
  matrix(@CurrentActor() actor: Actor, @Query() query: RoutingMatrixQuery): Promise<RoutingMatrixView> {
    return this.services.dispatch(DispatchSubjects.routingMatrixGet, actor, query);
  }

  @Put('routing-matrix')
  @Allow('admin')
  @ApiOkResponse({ type: RoutingMatrixView, description: 'publishes the whole matrix as a new version' })
  publish(
    @CurrentActor() actor: Actor,
    @Body() body: PublishRoutingMatrixRequest,
  ): Promise<RoutingMatrixView> {
    return this.services.dispatch(DispatchSubjects.routingMatrixPublish, actor, body);
  }

  @Get('dispatch-policies')
  @Allow('coordinator', 'leader', 'admin')
  @ApiOkResponse({ type: [DispatchPolicyView], description: '自动派单 policies by jurisdiction' })
  policies(@CurrentActor() actor: Actor): Promise<DispatchPolicyView[]> {
    return this.services.dispatch(DispatchSubjects.dispatchPolicyList, actor, {});
  }

  @Put('dispatch-policies/:jurisdictionCode')
  @Allow('admin')
  @ApiOkResponse({ type: DispatchPolicyView })
  setPolicy(
    @CurrentActor() actor: Actor,
    @Param() params: JurisdictionParams,
    @Body() body: DispatchPolicyRequest,
  ): Promise<DispatchPolicyView> {
    return this.services.dispatch(DispatchSubjects.dispatchPolicySet, actor, { ...body, ...params });
  }
}
