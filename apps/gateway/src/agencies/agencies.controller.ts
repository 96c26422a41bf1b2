import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  AGENCY_KINDS,
  AgencyIdParams,
  DispatchSubjects,
  ListAgenciesQuery,
  ListInboxQuery,
  type AgencyKind,
  type AgencyView,
  type InboxReferralView,
  type Page,
} from '@fengqiao/contracts';
import { Allow, ANY_ROLE, type RequestActor } from '../http/access';
import { AgencyRouter } from '../http/agency-router';
import { CurrentActor } from '../http/actor';
import { ServiceClient } from '../http/service-client';

@ApiTags('agencies 单位')
@Controller('api/v1/agencies')
export class AgenciesController {
  constructor(
    private readonly services: ServiceClient,
    private readonly agencies: AgencyRouter,
  ) {}

  @Get()
  @Allow(...ANY_ROLE)
  @ApiOkResponse({ description: 'a page of agencies' })
  list(@CurrentActor() actor: Actor, @Query() query: ListAgenciesQuery): Promise<Page<AgencyView>> {
    return this.services.dispatch(DispatchSubjects.agencyList, actor, query);
  }

  @Get(':agencyId')
  @Allow(...ANY_ROLE)
  get(@CurrentActor() actor: Actor, @Param() params: AgencyIdParams): Promise<AgencyView> {
    return this.services.dispatch(DispatchSubjects.agencyGet, actor, params);
  }

  /**
   * The agency's own inbox, served by the service of its kind: 民转刑 first, then the most serious
   * risk, then the newest. A department (国土, 民政 …) takes no referrals: its inbox is empty.
   */
  @Get(':agencyId/referrals')
  @Allow('coordinator', 'agency_staff', 'mediator')
  async inbox(
    @CurrentActor() actor: RequestActor,
    @Param() params: AgencyIdParams,
    @Query() query: ListInboxQuery,
  ): Promise<Page<InboxReferralView>> {
    const agency = await this.agencies.unit(actor, params.agencyId);
    if (!isAgencyKind(agency.kind)) {
      return { items: [], page: query.page ?? 1, pageSize: query.pageSize ?? 20, total: 0 };
    }
    return this.services.agency(agency.kind, (s) => s.inboxList, actor, { ...query, agencyId: agency.id });
  }
}

const isAgencyKind = (kind: string): kind is AgencyKind => (AGENCY_KINDS as readonly string[]).includes(kind);
