import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AgencyIdParams,
  AssessViolenceRiskRequest,
  HandOffReferralRequest,
  HandOffView,
  IncidentLinkView,
  LinkIncidentRequest,
  ListOnTheSpotMediationsQuery,
  ListViolenceRiskAssessmentsQuery,
  OnTheSpotMediationParams,
  OnTheSpotMediationView,
  PageQuery,
  PoliceSubjects,
  RecordOnTheSpotMediationRequest,
  ReferralIdParams,
  SetStationedCommitteeRequest,
  StationedCommitteeView,
  ViolenceRiskAssessmentView,
  type Page,
} from '@fengqiao/contracts';
import { Allow, type RequestActor } from '../http/access';
import { CurrentActor } from '../http/actor';
import { AgencyRouter } from '../http/agency-router';

/** Only police stations (派出所, 警务室) do this work: another kind of agency or its referral is not found. */
const POLICE = ['police'] as const;

/** 公安调解: 当场调处, 110 警情 links, the 民转刑 risk assessment and 警调对接. */
@ApiTags('police 公安调解')
@Controller('api/v1')
export class PoliceController {
  constructor(private readonly agencies: AgencyRouter) {}

  @Post('agencies/:agencyId/on-the-spot-mediations')
  @Allow('agency_staff', 'mediator')
  @HttpCode(201)
  @ApiCreatedResponse({
    type: OnTheSpotMediationView,
    description: '当场调处: the record with the case dispatch registered for it',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'retrying with the same key resumes the same record (and case) instead of making another',
  })
  recordOnTheSpot(
    @CurrentActor() actor: RequestActor,
    @Param() params: AgencyIdParams,
    @Body() body: RecordOnTheSpotMediationRequest,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<OnTheSpotMediationView> {
    return this.agencies.toAgency(
      actor,
      params.agencyId,
      () => PoliceSubjects.onTheSpotRecord,
      { ...body, idempotencyKey },
      POLICE,
    );
  }

  @Get('agencies/:agencyId/on-the-spot-mediations')
  @Allow('coordinator', 'agency_staff', 'mediator')
  @ApiOkResponse({ description: 'a page of on-the-spot records, the latest first' })
  listOnTheSpot(
    @CurrentActor() actor: RequestActor,
    @Param() params: AgencyIdParams,
    @Query() query: ListOnTheSpotMediationsQuery,
  ): Promise<Page<OnTheSpotMediationView>> {
    return this.agencies.toAgency(actor, params.agencyId, () => PoliceSubjects.onTheSpotList, query, POLICE);
  }

  @Get('agencies/:agencyId/on-the-spot-mediations/:recordId')
  @Allow('coordinator', 'agency_staff', 'mediator')
  @ApiOkResponse({ type: OnTheSpotMediationView })
  getOnTheSpot(
    @CurrentActor() actor: RequestActor,
    @Param() params: OnTheSpotMediationParams,
  ): Promise<OnTheSpotMediationView> {
    return this.agencies.toAgency(
      actor,
      params.agencyId,
      () => PoliceSubjects.onTheSpotGet,
      { recordId: params.recordId },
      POLICE,
    );
  }

  @Put('referrals/:referralId/incident')
  @Allow('agency_staff', 'mediator')
  @ApiOkResponse({
    type: IncidentLinkView,
    description: "links a 110 警情 to the referral's case (one case per incident)",
  })
  linkIncident(
    @CurrentActor() actor: RequestActor,
    @Param() params: ReferralIdParams,
    @Body() body: LinkIncidentRequest,
  ): Promise<IncidentLinkView> {
    return this.agencies.toReferralHolder(
      actor,
      params.referralId,
      () => PoliceSubjects.incidentLink,
      body,
      POLICE,
    );
  }

  @Get('referrals/:referralId/incidents')
  @Allow('agency_staff', 'mediator')
  @ApiOkResponse({ description: "a page of the 110 警情 linked to the referral's case" })
  listIncidents(
    @CurrentActor() actor: RequestActor,
    @Param() params: ReferralIdParams,
    @Query() query: PageQuery,
  ): Promise<Page<IncidentLinkView>> {
    return this.agencies.toReferralHolder(
      actor,
      params.referralId,
      () => PoliceSubjects.incidentList,
      query,
      POLICE,
    );
  }

  @Post('referrals/:referralId/violence-risk-assessments')
  @Allow('agency_staff', 'mediator')
  @HttpCode(201)
  @ApiCreatedResponse({ type: ViolenceRiskAssessmentView, description: '民转刑 risk assessment' })
  assessViolenceRisk(
    @CurrentActor() actor: RequestActor,
    @Param() params: ReferralIdParams,
    @Body() body: AssessViolenceRiskRequest,
  ): Promise<ViolenceRiskAssessmentView> {
    return this.agencies.toReferralHolder(
      actor,
      params.referralId,
      () => PoliceSubjects.violenceRiskAssess,
      body,
      POLICE,
    );
  }

  @Get('referrals/:referralId/violence-risk-assessments')
  @Allow('agency_staff', 'mediator')
  @ApiOkResponse({ description: "a page of the referral's assessments, the latest first" })
  listViolenceRisk(
    @CurrentActor() actor: RequestActor,
    @Param() params: ReferralIdParams,
    @Query() query: ListViolenceRiskAssessmentsQuery,
  ): Promise<Page<ViolenceRiskAssessmentView>> {
    return this.agencies.toReferralHolder(
      actor,
      params.referralId,
      () => PoliceSubjects.violenceRiskList,
      query,
      POLICE,
    );
  }

  @Put('agencies/:agencyId/stationed-committee')
  @Allow('agency_staff')
  @ApiOkResponse({
    type: StationedCommitteeView,
    description: '驻所人民调解室: a people’s mediation committee',
  })
  setStationedCommittee(
    @CurrentActor() actor: RequestActor,
    @Param() params: AgencyIdParams,
    @Body() body: SetStationedCommitteeRequest,
  ): Promise<StationedCommitteeView> {
    return this.agencies.toAgency(
      actor,
      params.agencyId,
      () => PoliceSubjects.stationedCommitteeSet,
      body,
      POLICE,
    );
  }

  @Get('agencies/:agencyId/stationed-committee')
  @Allow('coordinator', 'agency_staff', 'mediator')
  @ApiOkResponse({ type: StationedCommitteeView })
  getStationedCommittee(
    @CurrentActor() actor: RequestActor,
    @Param() params: AgencyIdParams,
  ): Promise<StationedCommitteeView> {
    return this.agencies.toAgency(
      actor,
      params.agencyId,
      () => PoliceSubjects.stationedCommitteeGet,
      {},
      POLICE,
    );
  }

  @Post('referrals/:referralId/hand-off')
  @Allow('agency_staff', 'mediator')
  @HttpCode(201)
  @ApiCreatedResponse({
    type: HandOffView,
    description: '警调对接: dispatch transfers the referral to the stationed committee',
  })
  handOff(
    @CurrentActor() actor: RequestActor,
    @Param() params: ReferralIdParams,
    @Body() body: HandOffReferralRequest,
  ): Promise<HandOffView> {
    return this.agencies.toReferralHolder(
      actor,
      params.referralId,
      () => PoliceSubjects.referralHandOff,
      body,
      POLICE,
    );
  }
}
