import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  CaseIdParams,
  CaseView,
  DispatchSubjects,
  IssueReferralRequest,
  ListCasesQuery,
  PartyPersonalDataView,
  PartyRefParams,
  ReferralView,
  RegisterCaseRequest,
  type CaseSummaryView,
  type Page,
} from '@fengqiao/contracts';
import { Allow } from '../http/access';
import { CurrentActor } from '../http/actor';
import { ServiceClient } from '../http/service-client';

@ApiTags('cases 矛盾纠纷')
@Controller('api/v1/cases')
export class CasesController {
  constructor(private readonly services: ServiceClient) {}

  @Post()
  @Allow('coordinator', 'reporter')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CaseView, description: '登记: the case with its number for life' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'retrying with the same key returns the same case',
  })
  register(
    @CurrentActor() actor: Actor,
    @Body() body: RegisterCaseRequest,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<CaseView> {
    return this.services.dispatch(DispatchSubjects.caseRegister, actor, { ...body, idempotencyKey });
  }

  @Get()
  @Allow('coordinator', 'reporter', 'leader', 'agency_staff', 'mediator')
  list(@CurrentActor() actor: Actor, @Query() query: ListCasesQuery): Promise<Page<CaseSummaryView>> {
    return this.services.dispatch(DispatchSubjects.caseList, actor, query);
  }

  @Get(':caseId')
  @Allow('coordinator', 'reporter', 'leader', 'agency_staff', 'mediator')
  @ApiOkResponse({ type: CaseView, description: 'status, referrals and the timeline of every step' })
  get(@CurrentActor() actor: Actor, @Param() params: CaseIdParams): Promise<CaseView> {
    return this.services.dispatch(DispatchSubjects.caseGet, actor, params);
  }

  @Post(':caseId/referrals')
  @Allow('coordinator')
  @HttpCode(201)
  @ApiCreatedResponse({ type: ReferralView, description: '派单: the referral as issued' })
  refer(
    @CurrentActor() actor: Actor,
    @Param() params: CaseIdParams,
    @Body() body: IssueReferralRequest,
  ): Promise<ReferralView> {
    return this.services.dispatch(DispatchSubjects.referralIssue, actor, { ...body, caseId: params.caseId });
  }

  /** 当事人信息 in clear, for contacting the party; audited in dispatch. */
  @Get(':caseId/parties/:position/personal-data')
  @Allow('coordinator', 'agency_staff', 'mediator')
  @ApiOkResponse({ type: PartyPersonalDataView })
  personalData(
    @CurrentActor() actor: Actor,
    @Param() params: PartyRefParams,
  ): Promise<PartyPersonalDataView> {
    return this.services.dispatch(DispatchSubjects.partyReveal, actor, params);
  }
}
