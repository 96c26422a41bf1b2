import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  CloseReferralRequest,
  DispatchSubjects,
  InboxReferralView,
  ReferralIdParams,
  ReferralView,
  ReturnReferralRequest,
  agencySubjects,
} from '@fengqiao/contracts';
import { Allow, type RequestActor } from '../http/access';
import { AgencyRouter } from '../http/agency-router';
import { CurrentActor } from '../http/actor';
import { ServiceClient } from '../http/service-client';

@ApiTags('referrals 派单')
@Controller('api/v1/referrals')
export class ReferralsController {
  constructor(
    private readonly services: ServiceClient,
    private readonly agencies: AgencyRouter,
  ) {}

  @Get(':referralId')
  @Allow('coordinator', 'leader', 'agency_staff', 'mediator')
  @ApiOkResponse({ type: ReferralView })
  get(@CurrentActor() actor: Actor, @Param() params: ReferralIdParams): Promise<ReferralView> {
    return this.services.dispatch(DispatchSubjects.referralGet, actor, params);
  }

  @Post(':referralId/accept')
  @Allow('agency_staff', 'mediator')
  @HttpCode(200)
  @ApiOkResponse({ type: InboxReferralView, description: '签收' })
  accept(@CurrentActor() actor: Actor, @Param() params: ReferralIdParams): Promise<InboxReferralView> {
    return this.agencies.toReferralHolder(
      actor,
      params.referralId,
      (k) => agencySubjects(k).referralAccept,
      {},
    );
  }

  @Post(':referralId/return')
  @Allow('agency_staff', 'mediator')
  @HttpCode(200)
  @ApiOkResponse({ type: InboxReferralView, description: '退单 with a reason, back to dispatch' })
  returnReferral(
    @CurrentActor() actor: RequestActor,
    @Param() params: ReferralIdParams,
    @Body() body: ReturnReferralRequest,
  ): Promise<InboxReferralView> {
    return this.agencies.toReferralHolder(
      actor,
      params.referralId,
      (k) => agencySubjects(k).referralReturn,
      body,
    );
  }

  @Post(':referralId/start')
  @Allow('agency_staff', 'mediator')
  @HttpCode(200)
  @ApiOkResponse({ type: InboxReferralView, description: '开始办理 an accepted referral' })
  start(@CurrentActor() actor: RequestActor, @Param() params: ReferralIdParams): Promise<InboxReferralView> {
    return this.agencies.toReferralHolder(
      actor,
      params.referralId,
      (k) => agencySubjects(k).referralStart,
      {},
    );
  }

  @Post(':referralId/close')
  @Allow('agency_staff', 'mediator')
  @HttpCode(200)
  @ApiOkResponse({ type: InboxReferralView, description: '办结 with an outcome' })
  close(
    @CurrentActor() actor: RequestActor,
    @Param() params: ReferralIdParams,
    @Body() body: CloseReferralRequest,
  ): Promise<InboxReferralView> {
    return this.agencies.toReferralHolder(
      actor,
      params.referralId,
      (k) => agencySubjects(k).referralClose,
      body,
    );
  }
}
