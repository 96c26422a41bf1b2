import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Audited } from '@fengqiao/audit';
import {
  Actor,
  LawyerSubjects,
  ListRepresentationsCommand,
  RecordRepresentationCommand,
  type Page,
  type RepresentationView,
} from '@fengqiao/contracts';
import { Representations } from './representations';

@Controller()
export class RepresentationsHandlers {
  constructor(private readonly representations: Representations) {}

  @MessagePattern(LawyerSubjects.representationRecord)
  @Audited()
  record(
    @Payload('actor') actor: Actor,
    @Payload('body') body: RecordRepresentationCommand,
  ): Promise<RepresentationView> {
    return this.representations.record(actor, body);
  }

  @MessagePattern(LawyerSubjects.representationList)
  list(
    @Payload('actor') actor: Actor,
    @Payload('body') body: ListRepresentationsCommand,
  ): Promise<Page<RepresentationView>> {
    return this.representations.list(actor, body);
  }
}
