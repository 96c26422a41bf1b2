import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AgencyIdParams,
  agencySubjects,
  AssignMediatorRequest,
  InboxReferralView,
  ListMediatorsQuery,
  MediatorRefParams,
  MediatorView,
  ReferralIdParams,
  RegisterMediatorRequest,
  UpdateMediatorRequest,
  type Page,
} from '@fengqiao/contracts';
import { Allow, type RequestActor } from '../http/access';
import { CurrentActor } from '../http/actor';
import { AgencyRouter } from '../http/agency-router';

/** An agency's mediators (调解员), kept by its staff, and the referral's mediator in charge (承办调解员). */
@ApiTags('mediators 调解员')
@Controller('api/v1')
export class MediatorsController {
  constructor(private readonly agencies: AgencyRouter) {}

  @Post('agencies/:agencyId/mediators')
  @Allow('agency_staff')
  @HttpCode(201)
  @ApiCreatedResponse({ type: MediatorView, description: 'the mediator, phone masked' })
  register(
    @CurrentActor() actor: RequestActor,
    @Param() params: AgencyIdParams,
    @Body() body: RegisterMediatorRequest,
  ): Promise<MediatorView> {
    return this.agencies.toAgency(actor, params.agencyId, (k) => agencySubjects(k).mediatorRegister, body);
  }

  @Get('agencies/:agencyId/mediators')
  @Allow('coordinator', 'agency_staff', 'mediator')
  @ApiOkResponse({ description: 'a page of mediators: on duty, 金牌, lightest load first' })
  list(
    @CurrentActor() actor: RequestActor,
    @Param() params: AgencyIdParams,
    @Query() query: ListMediatorsQuery,
  ): Promise<Page<MediatorView>> {
    return this.agencies.toAgency(actor, params.agencyId, (k) => agencySubjects(k).mediatorList, query);
  }

  @Get('agencies/:agencyId/mediators/:mediatorId')
  @Allow('coordinator', 'agency_staff', 'mediator')
  @ApiOkResponse({ type: MediatorView })
  get(@CurrentActor() actor: RequestActor, @Param() params: MediatorRefParams): Promise<MediatorView> {
    return this.agencies.toAgency(actor, params.agencyId, (k) => agencySubjects(k).mediatorGet, {
      mediatorId: params.mediatorId,
    });
  }

  @Put('agencies/:agencyId/mediators/:mediatorId')
  @Allow('agency_staff')
  @ApiOkResponse({ type: MediatorView, description: 'duty, 金牌, specialties, category, phone …' })
  update(
    @CurrentActor() actor: RequestActor,
    @Param() params: MediatorRefParams,
    @Body() body: UpdateMediatorRequest,
  ): Promise<MediatorView> {
    return this.agencies.toAgency(actor, params.agencyId, (k) => agencySubjects(k).mediatorUpdate, {
      ...body,
      mediatorId: params.mediatorId,
    });
  }

  @Put('referrals/:referralId/mediator')
  @Allow('agency_staff', 'mediator')
  @ApiOkResponse({
    type: InboxReferralView,
    description: '指定承办调解员: an on-duty mediator of the agency',
  })
  assign(
    @CurrentActor() actor: RequestActor,
    @Param() params: ReferralIdParams,
    @Body() body: AssignMediatorRequest,
  ): Promise<InboxReferralView> {
    return this.agencies.toReferralHolder(
      actor,
      params.referralId,
      (k) => agencySubjects(k).referralAssignMediator,
      body,
    );
  }
}
