import type { AgencyServiceDefinition } from '@fengqiao/agency-kit';
import { HandOff } from './hand-off/hand-off.entity';
import { HandOffModule } from './hand-off/hand-off.module';
import { StationedCommittee } from './hand-off/stationed-committee.entity';
import { IncidentLink } from './incidents/incident-link.entity';
import { IncidentsModule } from './incidents/incidents.module';
import { POLICE_MIGRATIONS } from './migrations';
import { OnTheSpotMediation } from './on-the-spot/on-the-spot-mediation.entity';
import { OnTheSpotParty } from './on-the-spot/on-the-spot-party.entity';
import { OnTheSpotModule } from './on-the-spot/on-the-spot.module';
import { ViolenceRiskAssessment } from './violence-risk/violence-risk-assessment.entity';
import { ViolenceRiskModule } from './violence-risk/violence-risk.module';

/**
 * 公安调解（派出所）: the kit's inbox plus the station's own work: 当场调处, 110 警情 links, the
 * 民转刑 risk assessment and 警调对接 (docs/agencies.md, "Police").
 */
export const policeMediation: AgencyServiceDefinition = {
  kind: 'police',
  entities: [
    OnTheSpotMediation,
    OnTheSpotParty,
    IncidentLink,
    ViolenceRiskAssessment,
    StationedCommittee,
    HandOff,
  ],
  migrations: POLICE_MIGRATIONS,
  imports: [OnTheSpotModule, IncidentsModule, ViolenceRiskModule, HandOffModule],
};
