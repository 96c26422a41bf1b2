import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  AgencyIdParams,
  DispatchSubjects,
  ListAgenciesQuery,
  ListReferralsQuery,
  type AgencyView,
  type InboxReferralView,
  type Page,
} from '@fengqiao/contracts';
import { CurrentActor } from '../http/actor';
import { ServiceClient } from '../http/service-client';

@ApiTags('agencies 单位')
@Controller('api/v1/agencies')
export class AgenciesController {
  constructor(private readonly services: ServiceClient) {}

  @Get()
  @ApiOkResponse({ description: 'a page of agencies' })
  list(@CurrentActor() actor: Actor, @Query() query: ListAgenciesQuery): Promise<Page<AgencyView>> {
    return this.services.dispatch(DispatchSubjects.agencyList, actor, query);
  }

  @Get(':agencyId')
  get(@CurrentActor() actor: Actor, @Param() params: AgencyIdParams): Promise<AgencyView> {
    return this.services.dispatch(DispatchSubjects.agencyGet, actor, params);
  }

  /** The agency's own inbox, served by the service of its kind. */
  @Get(':agencyId/referrals')
  async inbox(
    @CurrentActor() actor: Actor,
    @Param() params: AgencyIdParams,
    @Query() query: ListReferralsQuery,
  ): Promise<Page<InboxReferralView>> {
    const agency = await this.services.dispatch<AgencyView>(DispatchSubjects.agencyGet, actor, params);
    return this.services.agency(agency.kind, (s) => s.inboxList, actor, { ...query, agencyId: agency.id });
  }
}
