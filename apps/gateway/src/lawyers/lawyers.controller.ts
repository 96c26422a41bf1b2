import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AGENCY_SERVICE,
  AgencyIdParams,
  ChooseLawyerRequest,
  LawyerChoiceView,
  LawyerIdParams,
  LawyerSubjects,
  LawyerView,
  ListLawyerChoicesQuery,
  ListLawyersQuery,
  ListProBonoHoursQuery,
  ListRepresentationsQuery,
  ListRosterQuery,
  ProBonoHoursPage,
  ProBonoHoursView,
  RecordProBonoHoursRequest,
  RecordRepresentationRequest,
  ReferralIdParams,
  RegisterLawyerRequest,
  RepresentationView,
  UpdateLawyerRequest,
  type Page,
} from '@fengqiao/contracts';
import { Allow, ANY_ROLE, type RequestActor } from '../http/access';
import { CurrentActor } from '../http/actor';
import { AgencyRouter } from '../http/agency-router';
import { ServiceClient } from '../http/service-client';

const LAWYER = ['lawyer'] as const;
const subject = (s: string) => () => s;

/**
 * 律师调解工作室: the published roster (律师名录), prior representations for the conflict check, the
 * parties' own choice of lawyer (自主选择) and pro bono hours (公益服务时长).
 */
@ApiTags('lawyers 律师调解')
@Controller('api/v1')
export class LawyersController {
  constructor(
    private readonly services: ServiceClient,
    private readonly agencies: AgencyRouter,
  ) {}

  /** Every studio's published lawyers, for the parties to choose from at the centre. */
  @Get('lawyer-roster')
  @Allow(...ANY_ROLE)
  @ApiOkResponse({ description: 'a page of published lawyers (phones masked)' })
  roster(@CurrentActor() actor: RequestActor, @Query() query: ListRosterQuery): Promise<Page<LawyerView>> {
    return this.services.request(AGENCY_SERVICE.lawyer, LawyerSubjects.rosterList, actor, query);
  }

  @Post('agencies/:agencyId/lawyers')
  @Allow('agency_staff')
  @HttpCode(201)
  @ApiCreatedResponse({
    type: LawyerView,
    description: 'a lawyer joins the studio (a mediator with a lawyer profile)',
  })
  register(
    @CurrentActor() actor: RequestActor,
    @Param() params: AgencyIdParams,
    @Body() body: RegisterLawyerRequest,
  ): Promise<LawyerView> {
    return this.agencies.toAgency(
      actor,
      params.agencyId,
      subject(LawyerSubjects.lawyerRegister),
      body,
      LAWYER,
    );
  }

  @Get('agencies/:agencyId/lawyers')
  @Allow('coordinator', 'agency_staff', 'mediator')
  @ApiOkResponse({ description: "a page of the studio's lawyers, unpublished ones too" })
  list(
    @CurrentActor() actor: RequestActor,
    @Param() params: AgencyIdParams,
    @Query() query: ListLawyersQuery,
  ): Promise<Page<LawyerView>> {
    return this.agencies.toAgency(actor, params.agencyId, subject(LawyerSubjects.lawyerList), query, LAWYER);
  }

  @Get('agencies/:agencyId/lawyers/:lawyerId')
  @Allow('coordinator', 'agency_staff', 'mediator')
  @ApiOkResponse({ type: LawyerView })
  get(@CurrentActor() actor: RequestActor, @Param() params: LawyerIdParams): Promise<LawyerView> {
    return this.agencies.toAgency(actor, params.agencyId, subject(LawyerSubjects.lawyerGet), params, LAWYER);
  }

  @Put('agencies/:agencyId/lawyers/:lawyerId')
  @Allow('agency_staff')
  @ApiOkResponse({ type: LawyerView, description: 'publish/unpublish, duty, specialties, languages …' })
  update(
    @CurrentActor() actor: RequestActor,
    @Param() params: LawyerIdParams,
    @Body() body: UpdateLawyerRequest,
  ): Promise<LawyerView> {
    return this.agencies.toAgency(
      actor,
      params.agencyId,
      subject(LawyerSubjects.lawyerUpdate),
      { ...body, lawyerId: params.lawyerId },
      LAWYER,
    );
  }

  @Post('agencies/:agencyId/lawyers/:lawyerId/representations')
  @Allow('agency_staff', 'mediator')
  @HttpCode(201)
  @ApiCreatedResponse({
    type: RepresentationView,
    description: '代理记录, for the conflict-of-interest check',
  })
  recordRepresentation(
    @CurrentActor() actor: RequestActor,
    @Param() params: LawyerIdParams,
    @Body() body: RecordRepresentationRequest,
  ): Promise<RepresentationView> {
    return this.agencies.toAgency(
      actor,
      params.agencyId,
      subject(LawyerSubjects.representationRecord),
      { ...body, lawyerId: params.lawyerId },
      LAWYER,
    );
  }

  @Get('agencies/:agencyId/lawyers/:lawyerId/representations')
  @Allow('coordinator', 'agency_staff', 'mediator')
  @ApiOkResponse({ description: "a page of the lawyer's representations (ID numbers masked)" })
  representations(
    @CurrentActor() actor: RequestActor,
    @Param() params: LawyerIdParams,
    @Query() query: ListRepresentationsQuery,
  ): Promise<Page<RepresentationView>> {
    return this.agencies.toAgency(
      actor,
      params.agencyId,
      subject(LawyerSubjects.representationList),
      { ...query, lawyerId: params.lawyerId },
      LAWYER,
    );
  }

  /** 自主选择: 422 for a lawyer outside the published roster, 409 for a conflict of interest. */
  @Post('referrals/:referralId/lawyer-choice')
  @Allow('agency_staff', 'mediator')
  @HttpCode(201)
  @ApiCreatedResponse({ type: LawyerChoiceView, description: 'the lawyer becomes the mediator in charge' })
  choose(
    @CurrentActor() actor: RequestActor,
    @Param() params: ReferralIdParams,
    @Body() body: ChooseLawyerRequest,
  ): Promise<LawyerChoiceView> {
    return this.agencies.toReferralHolder(
      actor,
      params.referralId,
      subject(LawyerSubjects.referralChooseLawyer),
      body,
      LAWYER,
    );
  }

  @Get('agencies/:agencyId/lawyer-choices')
  @Allow('coordinator', 'agency_staff', 'mediator')
  @ApiOkResponse({ description: "the studio's ledger of choices: in force, replaced and refused" })
  choices(
    @CurrentActor() actor: RequestActor,
    @Param() params: AgencyIdParams,
    @Query() query: ListLawyerChoicesQuery,
  ): Promise<Page<LawyerChoiceView>> {
    return this.agencies.toAgency(
      actor,
      params.agencyId,
      subject(LawyerSubjects.lawyerChoiceList),
      query,
      LAWYER,
    );
  }

  @Post('referrals/:referralId/pro-bono-hours')
  @Allow('agency_staff', 'mediator')
  @HttpCode(201)
  @ApiCreatedResponse({ type: ProBonoHoursView, description: '公益服务时长' })
  recordHours(
    @CurrentActor() actor: RequestActor,
    @Param() params: ReferralIdParams,
    @Body() body: RecordProBonoHoursRequest,
  ): Promise<ProBonoHoursView> {
    return this.agencies.toReferralHolder(
      actor,
      params.referralId,
      subject(LawyerSubjects.proBonoHoursRecord),
      body,
      LAWYER,
    );
  }

  @Get('agencies/:agencyId/pro-bono-hours')
  @Allow('coordinator', 'leader', 'agency_staff', 'mediator')
  @ApiOkResponse({ type: ProBonoHoursPage, description: 'entries and per-lawyer totals over the period' })
  hours(
    @CurrentActor() actor: RequestActor,
    @Param() params: AgencyIdParams,
    @Query() query: ListProBonoHoursQuery,
  ): Promise<ProBonoHoursPage> {
    return this.agencies.toAgency(
      actor,
      params.agencyId,
      subject(LawyerSubjects.proBonoHoursList),
      query,
      LAWYER,
    );
  }
}
