import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Audited } from '@fengqiao/audit';
import {
  Actor,
  CompleteRectificationCommand,
  JudicialSubjects,
  ListCommitteeInspectionsCommand,
  ListSupervisedCommitteesCommand,
  RecordCommitteeInspectionCommand,
  type CommitteeInspectionView,
  type Page,
  type SupervisedCommitteeView,
} from '@fengqiao/contracts';
import { CommitteeInspections } from './committee-inspections';
import { SupervisedCommittees } from './supervised-committees';

@Controller()
export class SupervisionHandlers {
  constructor(
    private readonly committees: SupervisedCommittees,
    private readonly inspections: CommitteeInspections,
  ) {}

  @MessagePattern(JudicialSubjects.supervisedCommitteeList)
  listCommittees(
    @Payload('actor') actor: Actor,
    @Payload('body') query: ListSupervisedCommitteesCommand,
  ): Promise<Page<SupervisedCommitteeView>> {
    return this.committees.list(actor, query);
  }

  @MessagePattern(JudicialSubjects.inspectionRecord)
  @Audited()
  record(
    @Payload('actor') actor: Actor,
    @Payload('body') body: RecordCommitteeInspectionCommand,
  ): Promise<CommitteeInspectionView> {
    return this.inspections.record(actor, body);
  }

  @MessagePattern(JudicialSubjects.inspectionCompleteRectification)
  @Audited()
  completeRectification(
    @Payload('actor') actor: Actor,
    @Payload('body') body: CompleteRectificationCommand,
  ): Promise<CommitteeInspectionView> {
    return this.inspections.completeRectification(actor, body);
  }

  @MessagePattern(JudicialSubjects.inspectionList)
  listInspections(
    @Payload('actor') actor: Actor,
    @Payload('body') query: ListCommitteeInspectionsCommand,
  ): Promise<Page<CommitteeInspectionView>> {
    return this.inspections.list(actor, query);
  }
}
