import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AgencyIdParams,
  DispatchSubjects,
  ListAgenciesQuery,
  type AgencyView,
  type Page,
} from '@fengqiao/contracts';
import { AgencyQueries } from './agency-queries';

@Controller()
export class AgenciesHandlers {
  constructor(private readonly agencies: AgencyQueries) {}

  @MessagePattern(DispatchSubjects.agencyList)
  list(@Payload('body') query: ListAgenciesQuery): Promise<Page<AgencyView>> {
    return this.agencies.list(query);
  }

  @MessagePattern(DispatchSubjects.agencyGet)
  get(@Payload('body') params: AgencyIdParams): Promise<AgencyView> {
    return this.agencies.get(params.agencyId);
  }
}
