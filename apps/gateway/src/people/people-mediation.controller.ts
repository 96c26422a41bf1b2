import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AGENCY_SERVICE,
  AgencyIdParams,
  CommitteeProfileView,
  HearingIdParams,
  HearingView,
  ListFiveEldersQuery,
  ListHearingsQuery,
  ListPeopleCommitteesQuery,
  PeopleSubjects,
  RecordHearingRequest,
  ReferralIdParams,
  ScheduleHearingRequest,
  SetCommitteeProfileRequest,
  type MediatorView,
  type Page,
} from '@fengqiao/contracts';
import { Allow, ANY_ROLE, assertAgencyScope, type RequestActor } from '../http/access';
import { CurrentActor } from '../http/actor';
import { AgencyRouter } from '../http/agency-router';
import { ServiceClient } from '../http/service-client';

const PEOPLE = ['people'] as const;
const subject = (s: string) => () => s;

/** 人民调解委员会: committee profiles, their 五老乡贤, and 听证调 hearings on their referrals. */
@ApiTags('people 人民调解')
@Controller('api/v1')
export class PeopleMediationController {
  constructor(
    private readonly services: ServiceClient,
    private readonly agencies: AgencyRouter,
  ) {}

  /** The people-mediation service itself decides (with dispatch) whether the agency is a committee: 422 if not. */
  @Put('agencies/:agencyId/committee-profile')
  @Allow('agency_staff', 'admin')
  @ApiOkResponse({
    type: CommitteeProfileView,
    description: '调委会档案, checked against dispatch’s routing',
  })
  setProfile(
    @CurrentActor() actor: RequestActor,
    @Param() params: AgencyIdParams,
    @Body() body: SetCommitteeProfileRequest,
  ): Promise<CommitteeProfileView> {
    assertAgencyScope(actor, params.agencyId);
    return this.services.request(AGENCY_SERVICE.people, PeopleSubjects.committeeProfileSet, actor, {
      ...body,
      agencyId: params.agencyId,
    });
  }

  @Get('agencies/:agencyId/committee-profile')
  @Allow(...ANY_ROLE)
  @ApiOkResponse({ type: CommitteeProfileView })
  profile(
    @CurrentActor() actor: RequestActor,
    @Param() params: AgencyIdParams,
  ): Promise<CommitteeProfileView> {
    return this.services.request(AGENCY_SERVICE.people, PeopleSubjects.committeeProfileGet, actor, params);
  }

  @Get('people-committees')
  @Allow(...ANY_ROLE)
  @ApiOkResponse({ description: 'a page of committee profiles' })
  committees(
    @CurrentActor() actor: RequestActor,
    @Query() query: ListPeopleCommitteesQuery,
  ): Promise<Page<CommitteeProfileView>> {
    return this.services.request(AGENCY_SERVICE.people, PeopleSubjects.committeeList, actor, query);
  }

  @Get('agencies/:agencyId/five-elders')
  @Allow('coordinator', 'agency_staff', 'mediator')
  @ApiOkResponse({ description: '五老乡贤 of the committee, with their load' })
  fiveElders(
    @CurrentActor() actor: RequestActor,
    @Param() params: AgencyIdParams,
    @Query() query: ListFiveEldersQuery,
  ): Promise<Page<MediatorView>> {
    return this.agencies.toAgency(
      actor,
      params.agencyId,
      subject(PeopleSubjects.fiveEldersList),
      query,
      PEOPLE,
    );
  }

  @Post('referrals/:referralId/hearings')
  @Allow('agency_staff', 'mediator')
  @HttpCode(201)
  @ApiCreatedResponse({ type: HearingView, description: '听证调 scheduled' })
  schedule(
    @CurrentActor() actor: RequestActor,
    @Param() params: ReferralIdParams,
    @Body() body: ScheduleHearingRequest,
  ): Promise<HearingView> {
    return this.agencies.toReferralHolder(
      actor,
      params.referralId,
      subject(PeopleSubjects.hearingSchedule),
      body,
      PEOPLE,
    );
  }

  @Get('referrals/:referralId/hearings')
  @Allow('coordinator', 'agency_staff', 'mediator')
  @ApiOkResponse({ description: "a page of the referral's hearings, in order" })
  hearings(
    @CurrentActor() actor: RequestActor,
    @Param() params: ReferralIdParams,
    @Query() query: ListHearingsQuery,
  ): Promise<Page<HearingView>> {
    return this.agencies.toReferralHolder(
      actor,
      params.referralId,
      subject(PeopleSubjects.hearingList),
      query,
      PEOPLE,
    );
  }

  @Get('referrals/:referralId/hearings/:hearingId')
  @Allow('coordinator', 'agency_staff', 'mediator')
  @ApiOkResponse({ type: HearingView })
  hearing(@CurrentActor() actor: RequestActor, @Param() params: HearingIdParams): Promise<HearingView> {
    return this.agencies.toReferralHolder(
      actor,
      params.referralId,
      subject(PeopleSubjects.hearingGet),
      { hearingId: params.hearingId },
      PEOPLE,
    );
  }

  @Post('referrals/:referralId/hearings/:hearingId/record')
  @Allow('agency_staff', 'mediator')
  @HttpCode(200)
  @ApiOkResponse({ type: HearingView, description: 'the hearing held: statements, debate, finding, result' })
  record(
    @CurrentActor() actor: RequestActor,
    @Param() params: HearingIdParams,
    @Body() body: RecordHearingRequest,
  ): Promise<HearingView> {
    return this.agencies.toReferralHolder(
      actor,
      params.referralId,
      subject(PeopleSubjects.hearingRecord),
      { ...body, hearingId: params.hearingId },
      PEOPLE,
    );
  }
}
