import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Audited } from '@fengqiao/audit';
import {
  Actor,
  LawyerSubjects,
  ListProBonoHoursCommand,
  RecordProBonoHoursCommand,
  type ProBonoHoursPage,
  type ProBonoHoursView,
} from '@fengqiao/contracts';
import { ProBonoHours } from './pro-bono-hours';
import { ProBonoQueries } from './pro-bono-queries';

@Controller()
export class ProBonoHandlers {
  constructor(
    private readonly hours: ProBonoHours,
    private readonly queries: ProBonoQueries,
  ) {}

  @MessagePattern(LawyerSubjects.proBonoHoursRecord)
  @Audited()
  record(
    @Payload('actor') actor: Actor,
    @Payload('body') body: RecordProBonoHoursCommand,
  ): Promise<ProBonoHoursView> {
    const { referralId, ...input } = body;
    return this.hours.record(actor, referralId, input);
  }

  @MessagePattern(LawyerSubjects.proBonoHoursList)
  list(
    @Payload('actor') actor: Actor,
    @Payload('body') body: ListProBonoHoursCommand,
  ): Promise<ProBonoHoursPage> {
    return this.queries.list(actor, body);
  }
}
