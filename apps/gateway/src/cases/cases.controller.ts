import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  CaseIdParams,
  ChangeCaseRiskRequest,
  CaseView,
  DispatchCaseRequest,
  DispatchSubjects,
  EscalateCaseRequest,
  ReclassifyCaseRequest,
  RoutingProposalView,
  SuggestTypeRequest,
  TypeSuggestionView,
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

  @Post('type-suggestions')
  @Allow('coordinator', 'reporter')
  @HttpCode(200)
  @ApiOkResponse({ type: TypeSuggestionView, description: 'the dispute type the words suggest, and why' })
  suggestType(@CurrentActor() actor: Actor, @Body() body: SuggestTypeRequest): Promise<TypeSuggestionView> {
    return this.services.dispatch(DispatchSubjects.caseSuggestType, actor, body);
  }

  @Put(':caseId/dispute-type')
  @Allow('coordinator')
  @ApiOkResponse({ description: '更正纠纷类型; the correction becomes training data' })
  reclassify(
    @CurrentActor() actor: Actor,
    @Param() params: CaseIdParams,
    @Body() body: ReclassifyCaseRequest,
  ): Promise<{ caseId: string; disputeType: string }> {
    return this.services.dispatch(DispatchSubjects.caseReclassify, actor, { ...body, ...params });
  }

  @Put(':caseId/risk')
  @Allow('coordinator')
  @ApiOkResponse({ type: CaseView, description: '风险等级调整; 重大 or 民转刑 makes its deadlines urgent' })
  changeRisk(
    @CurrentActor() actor: Actor,
    @Param() params: CaseIdParams,
    @Body() body: ChangeCaseRiskRequest,
  ): Promise<CaseView> {
    return this.services.dispatch(DispatchSubjects.caseChangeRisk, actor, { ...body, ...params });
  }

  @Get(':caseId/routing-proposal')
  @Allow('coordinator')
  @ApiOkResponse({
    type: RoutingProposalView,
    description: '派单建议: ranked agencies, each with its reasons',
  })
  proposal(@CurrentActor() actor: Actor, @Param() params: CaseIdParams): Promise<RoutingProposalView> {
    return this.services.dispatch(DispatchSubjects.routingPropose, actor, params);
  }

  @Post(':caseId/dispatch')
  @Allow('coordinator')
  @HttpCode(201)
  @ApiCreatedResponse({ type: [ReferralView], description: '派单: a lead and optional co-handlers' })
  dispatch(
    @CurrentActor() actor: Actor,
    @Param() params: CaseIdParams,
    @Body() body: DispatchCaseRequest,
  ): Promise<ReferralView[]> {
    return this.services.dispatch(DispatchSubjects.caseDispatch, actor, { ...body, ...params });
  }

  @Post(':caseId/escalations')
  @Allow('coordinator')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CaseView, description: '升级 one or more levels up the ladder' })
  escalate(
    @CurrentActor() actor: Actor,
    @Param() params: CaseIdParams,
    @Body() body: EscalateCaseRequest,
  ): Promise<CaseView> {
    return this.services.dispatch(DispatchSubjects.caseEscalate, actor, { ...body, ...params });
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
