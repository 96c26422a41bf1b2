import type { AgencyServiceDefinition } from '@fengqiao/agency-kit';
import { JudicialConfirmation } from './judicial-confirmation/judicial-confirmation.entity';
import { JudicialConfirmationModule } from './judicial-confirmation/judicial-confirmation.module';
import { LegalAidReferral } from './legal-aid/legal-aid-referral.entity';
import { LegalAidModule } from './legal-aid/legal-aid.module';
import { JUDICIAL_MIGRATIONS } from './migrations';
import { CommitteeInspection, Rectification } from './supervision/committee-inspection.entity';
import { CommitteeFollowUp, CommitteeReferral, CommitteeWork } from './supervision/committee-work.entity';
import { SupervisionModule } from './supervision/supervision.module';

/**
 * 司法调解（司法所）: the kit's inbox and mediation work, plus the office's own: 司法确认 of its signed
 * agreements, 法律援助转介, and 指导监督 of the people's mediation committees in its area.
 */
export const judicialMediation: AgencyServiceDefinition = {
  kind: 'judicial',
  entities: [
    JudicialConfirmation,
    LegalAidReferral,
    CommitteeWork,
    CommitteeReferral,
    CommitteeFollowUp,
    CommitteeInspection,
    Rectification,
  ],
  migrations: JUDICIAL_MIGRATIONS,
  imports: [JudicialConfirmationModule, LegalAidModule, SupervisionModule],
};
