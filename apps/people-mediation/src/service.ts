import type { AgencyServiceDefinition } from '@fengqiao/agency-kit';
import { CommitteeProfile } from './committees/committee-profile.entity';
import { CommitteesModule } from './committees/committees.module';
import { Hearing } from './hearings/hearing.entity';
import { HearingsModule } from './hearings/hearings.module';
import { PEOPLE_MIGRATIONS } from './migrations';

/** 人民调解（人民调解委员会）: the kit's agency work, plus committee profiles and 听证调 hearings. */
export const peopleMediation: AgencyServiceDefinition = {
  kind: 'people',
  entities: [CommitteeProfile, Hearing],
  migrations: PEOPLE_MIGRATIONS,
  imports: [CommitteesModule, HearingsModule],
};
