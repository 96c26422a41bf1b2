import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AgencyIdParams,
  agencySubjects,
  FollowUpView,
  ListFollowUpsQuery,
  PlanFollowUpRequest,
  RecordFollowUpRequest,
  ReferralIdParams,
  type Page,
} from '@fengqiao/contracts';
import { Allow, type RequestActor } from '../http/access';
import { CurrentActor } from '../http/actor';
import { AgencyRouter } from '../http/agency-router';

/** 一事一回访: the follow-up a referral closed as resolved gets, and an agency's list of them. */
@ApiTags('follow-ups 回访')
@Controller('api/v1')
export class FollowUpsController {
  constructor(private readonly agencies: AgencyRouter) {}

  @Get('referrals/:referralId/follow-up')
  @Allow('coordinator', 'agency_staff', 'mediator')
  @ApiOkResponse({ type: FollowUpView, description: '404 until the referral is closed as resolved' })
  get(@CurrentActor() actor: RequestActor, @Param() params: ReferralIdParams): Promise<FollowUpView> {
    return this.agencies.toReferralHolder(actor, params.referralId, (k) => agencySubjects(k).followUpGet, {});
  }

  @Put('referrals/:referralId/follow-up')
  @Allow('agency_staff', 'mediator')
  @ApiOkResponse({ type: FollowUpView, description: 're-plan: when, how, and who is to make it' })
  plan(
    @CurrentActor() actor: RequestActor,
    @Param() params: ReferralIdParams,
    @Body() body: PlanFollowUpRequest,
  ): Promise<FollowUpView> {
    return this.agencies.toReferralHolder(
      actor,
      params.referralId,
      (k) => agencySubjects(k).followUpPlan,
      body,
    );
  }

  @Post('referrals/:referralId/follow-up/record')
  @Allow('agency_staff', 'mediator')
  @HttpCode(200)
  @ApiOkResponse({
    type: FollowUpView,
    description: '回访记录: satisfaction and rebound; by someone other than who closed the referral',
  })
  record(
    @CurrentActor() actor: RequestActor,
    @Param() params: ReferralIdParams,
    @Body() body: RecordFollowUpRequest,
  ): Promise<FollowUpView> {
    return this.agencies.toReferralHolder(
      actor,
      params.referralId,
      (k) => agencySubjects(k).followUpRecord,
      body,
    );
  }

  @Get('agencies/:agencyId/follow-ups')
  @Allow('coordinator', 'agency_staff', 'mediator')
  @ApiOkResponse({ description: 'a page of follow-ups: still to be made first, soonest due first' })
  list(
    @CurrentActor() actor: RequestActor,
    @Param() params: AgencyIdParams,
    @Query() query: ListFollowUpsQuery,
  ): Promise<Page<FollowUpView>> {
    return this.agencies.toAgency(actor, params.agencyId, (k) => agencySubjects(k).followUpList, query);
  }
}
