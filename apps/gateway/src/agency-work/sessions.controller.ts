import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  agencySubjects,
  ListMediationSessionsQuery,
  MediationSessionView,
  RecordMediationSessionRequest,
  ReferralIdParams,
  type Page,
} from '@fengqiao/contracts';
import { Allow, type RequestActor } from '../http/access';
import { CurrentActor } from '../http/actor';
import { AgencyRouter } from '../http/agency-router';

/** 调解记录: the sessions held on a referral, recorded by the agency holding it. */
@ApiTags('mediation sessions 调解记录')
@Controller('api/v1/referrals/:referralId/sessions')
export class MediationSessionsController {
  constructor(private readonly agencies: AgencyRouter) {}

  @Post()
  @Allow('agency_staff', 'mediator')
  @HttpCode(201)
  @ApiCreatedResponse({
    type: MediationSessionView,
    description: 'the session, numbered; the first one on an accepted referral also starts it (开始办理)',
  })
  record(
    @CurrentActor() actor: RequestActor,
    @Param() params: ReferralIdParams,
    @Body() body: RecordMediationSessionRequest,
  ): Promise<MediationSessionView> {
    return this.agencies.toReferralHolder(
      actor,
      params.referralId,
      (k) => agencySubjects(k).sessionRecord,
      body,
    );
  }

  @Get()
  @Allow('coordinator', 'agency_staff', 'mediator')
  @ApiOkResponse({ description: "a page of the referral's sessions, in the order they were held" })
  list(
    @CurrentActor() actor: RequestActor,
    @Param() params: ReferralIdParams,
    @Query() query: ListMediationSessionsQuery,
  ): Promise<Page<MediationSessionView>> {
    return this.agencies.toReferralHolder(
      actor,
      params.referralId,
      (k) => agencySubjects(k).sessionList,
      query,
    );
  }
}
