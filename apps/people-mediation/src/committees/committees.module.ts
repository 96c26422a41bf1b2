import { Module } from '@nestjs/common';
import { MediatorQueries } from '@fengqiao/agency-kit';
import { CommitteeQueries } from './committee-queries';
import { CommitteesHandlers } from './committees.handlers';
import { SetCommitteeProfile } from './set-committee-profile';

/** 人民调解委员会 of each kind: their profiles, checked against dispatch's routing, and their 五老乡贤. */
@Module({
  controllers: [CommitteesHandlers],
  providers: [SetCommitteeProfile, CommitteeQueries, MediatorQueries],
})
export class CommitteesModule {}
