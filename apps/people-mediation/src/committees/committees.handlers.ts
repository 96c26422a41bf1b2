import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { assertMayRead, MediatorQueries } from '@fengqiao/agency-kit';
import { Audited } from '@fengqiao/audit';
import {
  Actor,
  AgencyIdParams,
  FIVE_ELDERS_CATEGORIES,
  ListFiveEldersCommand,
  ListPeopleCommitteesQuery,
  PeopleSubjects,
  SetCommitteeProfileCommand,
  type CommitteeProfileView,
  type MediatorView,
  type Page,
} from '@fengqiao/contracts';
import { CommitteeQueries } from './committee-queries';
import { SetCommitteeProfile } from './set-committee-profile';

@Controller()
export class CommitteesHandlers {
  constructor(
    private readonly profiles: SetCommitteeProfile,
    private readonly queries: CommitteeQueries,
    private readonly mediators: MediatorQueries,
  ) {}

  @MessagePattern(PeopleSubjects.committeeProfileSet)
  @Audited()
  set(
    @Payload('actor') actor: Actor,
    @Payload('body') body: SetCommitteeProfileCommand,
  ): Promise<CommitteeProfileView> {
    return this.profiles.set(actor, body);
  }

  @MessagePattern(PeopleSubjects.committeeProfileGet)
  get(@Payload('body') body: AgencyIdParams): Promise<CommitteeProfileView> {
    return this.queries.get(body.agencyId);
  }

  @MessagePattern(PeopleSubjects.committeeList)
  list(@Payload('body') query: ListPeopleCommitteesQuery): Promise<Page<CommitteeProfileView>> {
    return this.queries.list(query);
  }

  /** 五老乡贤: the kit's mediator list, kept to the five elders' categories. */
  @MessagePattern(PeopleSubjects.fiveEldersList)
  fiveElders(
    @Payload('actor') actor: Actor,
    @Payload('body') query: ListFiveEldersCommand,
  ): Promise<Page<MediatorView>> {
    assertMayRead(actor, query.agencyId);
    return this.mediators.list(query, { categories: FIVE_ELDERS_CATEGORIES });
  }
}
