import type { AgencyServiceDefinition } from '@fengqiao/agency-kit';
import { LawyerChoice } from './lawyer-choice/lawyer-choice.entity';
import { LawyerChoiceModule } from './lawyer-choice/lawyer-choice.module';
import { LAWYER_MIGRATIONS } from './migrations';
import { ProBonoEntry } from './pro-bono/pro-bono-entry.entity';
import { ProBonoModule } from './pro-bono/pro-bono.module';
import { Representation } from './representations/representation.entity';
import { RepresentationsModule } from './representations/representations.module';
import { LawyerProfile } from './roster/lawyer-profile.entity';
import { RosterModule } from './roster/roster.module';

/**
 * 律师调解（律师调解工作室）: the kit's inbox, plus the published roster, prior representations for
 * the conflict check, the parties' own choice of lawyer and pro bono hours.
 */
export const lawyerMediation: AgencyServiceDefinition = {
  kind: 'lawyer',
  entities: [LawyerProfile, Representation, LawyerChoice, ProBonoEntry],
  migrations: LAWYER_MIGRATIONS,
  imports: [RosterModule, RepresentationsModule, LawyerChoiceModule, ProBonoModule],
};
