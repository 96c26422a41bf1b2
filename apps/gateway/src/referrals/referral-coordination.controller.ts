import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  DispatchSubjects,
  ListDispatchReferralsQuery,
  ReferralIdParams,
  ReferralView,
  RuleOnReturnRequest,
  TransferReferralRequest,
  type Page,
} from '@fengqiao/contracts';
import { Allow } from '../http/access';
import { CurrentActor } from '../http/actor';
import { ServiceClient } from '../http/service-client';

/** What coordinators do with referrals across agencies: list them, rule on returns, transfer. */
@ApiTags('referrals 派单')
@Controller('api/v1/referrals')
export class ReferralCoordinationController {
  constructor(private readonly services: ServiceClient) {}

  @Get()
  @Allow('coordinator', 'leader')
  list(
    @CurrentActor() actor: Actor,
    @Query() query: ListDispatchReferralsQuery,
  ): Promise<Page<ReferralView>> {
    return this.services.dispatch(DispatchSubjects.referralList, actor, query);
  }

  @Post(':referralId/ruling')
  @Allow('coordinator')
  @HttpCode(200)
  @ApiOkResponse({ type: ReferralView, description: '退单裁定: upheld or overruled' })
  rule(
    @CurrentActor() actor: Actor,
    @Param() params: ReferralIdParams,
    @Body() body: RuleOnReturnRequest,
  ): Promise<ReferralView> {
    return this.services.dispatch(DispatchSubjects.referralRule, actor, { ...body, ...params });
  }

  @Post(':referralId/transfer')
  @Allow('coordinator')
  @HttpCode(201)
  @ApiOkResponse({ type: ReferralView, description: '转办: the new referral' })
  transfer(
    @CurrentActor() actor: Actor,
    @Param() params: ReferralIdParams,
    @Body() body: TransferReferralRequest,
  ): Promise<ReferralView> {
    return this.services.dispatch(DispatchSubjects.referralTransfer, actor, { ...body, ...params });
  }
}
