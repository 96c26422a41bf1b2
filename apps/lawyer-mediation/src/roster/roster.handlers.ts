import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Audited } from '@fengqiao/audit';
import {
  Actor,
  GetLawyerCommand,
  LawyerSubjects,
  ListLawyersCommand,
  ListRosterQuery,
  RegisterLawyerCommand,
  UpdateLawyerCommand,
  type LawyerView,
  type Page,
} from '@fengqiao/contracts';
import { LawyerRoster } from './lawyer-roster';
import { RosterQueries } from './roster-queries';

@Controller()
export class RosterHandlers {
  constructor(
    private readonly roster: LawyerRoster,
    private readonly queries: RosterQueries,
  ) {}

  @MessagePattern(LawyerSubjects.lawyerRegister)
  @Audited()
  async register(
    @Payload('actor') actor: Actor,
    @Payload('body') body: RegisterLawyerCommand,
  ): Promise<LawyerView> {
    const lawyerId = await this.roster.register(actor, body);
    return this.queries.get(actor, { agencyId: body.agencyId, lawyerId });
  }

  @MessagePattern(LawyerSubjects.lawyerUpdate)
  @Audited()
  async update(
    @Payload('actor') actor: Actor,
    @Payload('body') body: UpdateLawyerCommand,
  ): Promise<LawyerView> {
    await this.roster.update(actor, body);
    return this.queries.get(actor, body);
  }

  @MessagePattern(LawyerSubjects.lawyerGet)
  get(@Payload('actor') actor: Actor, @Payload('body') body: GetLawyerCommand): Promise<LawyerView> {
    return this.queries.get(actor, body);
  }

  @MessagePattern(LawyerSubjects.lawyerList)
  list(@Payload('actor') actor: Actor, @Payload('body') body: ListLawyersCommand): Promise<Page<LawyerView>> {
    return this.queries.studio(actor, body);
  }

  /** The published roster: anyone signed in (the gateway lets every role through). */
  @MessagePattern(LawyerSubjects.rosterList)
  published(@Payload('body') query: ListRosterQuery): Promise<Page<LawyerView>> {
    return this.queries.published(query);
  }
}
