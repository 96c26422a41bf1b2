import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Audited } from '@fengqiao/audit';
import {
  Actor,
  LinkIncidentCommand,
  ListReferralIncidentsCommand,
  PoliceSubjects,
  type IncidentLinkView,
  type Page,
} from '@fengqiao/contracts';
import { IncidentLinkQueries } from './incident-link-queries';
import { IncidentLinks } from './incident-links';

@Controller()
export class IncidentHandlers {
  constructor(
    private readonly incidents: IncidentLinks,
    private readonly queries: IncidentLinkQueries,
  ) {}

  @MessagePattern(PoliceSubjects.incidentLink)
  @Audited()
  link(
    @Payload('actor') actor: Actor,
    @Payload('body') body: LinkIncidentCommand,
  ): Promise<IncidentLinkView> {
    return this.incidents.link(actor, body);
  }

  @MessagePattern(PoliceSubjects.incidentList)
  list(
    @Payload('actor') actor: Actor,
    @Payload('body') query: ListReferralIncidentsCommand,
  ): Promise<Page<IncidentLinkView>> {
    return this.queries.list(actor, query);
  }
}
