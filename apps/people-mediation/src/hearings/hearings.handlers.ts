import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Audited } from '@fengqiao/audit';
import {
  Actor,
  GetHearingCommand,
  ListHearingsCommand,
  PeopleSubjects,
  RecordHearingCommand,
  ScheduleHearingCommand,
  type HearingView,
  type Page,
} from '@fengqiao/contracts';
import { HearingQueries } from './hearing-queries';
import { HoldHearings } from './hold-hearings';

@Controller()
export class HearingsHandlers {
  constructor(
    private readonly hearings: HoldHearings,
    private readonly queries: HearingQueries,
  ) {}

  @MessagePattern(PeopleSubjects.hearingSchedule)
  @Audited()
  schedule(
    @Payload('actor') actor: Actor,
    @Payload('body') body: ScheduleHearingCommand,
  ): Promise<HearingView> {
    return this.hearings.schedule(actor, body);
  }

  @MessagePattern(PeopleSubjects.hearingRecord)
  @Audited()
  record(@Payload('actor') actor: Actor, @Payload('body') body: RecordHearingCommand): Promise<HearingView> {
    return this.hearings.record(actor, body);
  }

  @MessagePattern(PeopleSubjects.hearingList)
  list(
    @Payload('actor') actor: Actor,
    @Payload('body') body: ListHearingsCommand,
  ): Promise<Page<HearingView>> {
    return this.queries.list(actor, body);
  }

  @MessagePattern(PeopleSubjects.hearingGet)
  get(@Payload('actor') actor: Actor, @Payload('body') body: GetHearingCommand): Promise<HearingView> {
    return this.queries.get(actor, body);
  }
}
