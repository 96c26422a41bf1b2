import { Module } from '@nestjs/common';
import { CommitteeInspections } from './committee-inspections';
import { CommitteeWorkProjection } from './committee-work.projection';
import { OfficeModule } from '../office/office.module';
import { SupervisedCommittees } from './supervised-committees';
import { SupervisionHandlers } from './supervision.handlers';

/** 指导监督 of the people's mediation committees in each office's area. */
@Module({
  imports: [OfficeModule],
  controllers: [SupervisionHandlers],
  providers: [CommitteeWorkProjection, SupervisedCommittees, CommitteeInspections],
})
export class SupervisionModule {}
