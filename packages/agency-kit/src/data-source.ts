import { AGENCY_SERVICE, type AgencyKind } from '@fengqiao/contracts';
import { createServiceDataSource } from '@fengqiao/database';
import { AuditEntry } from '@fengqiao/audit';
import { MESSAGING_ENTITIES } from '@fengqiao/messaging';
import { InboxReferral } from './inbox/inbox-referral.entity';
import {
  Agreement,
  AgreementCounter,
  AgreementParty,
  AgreementTerm,
  PerformanceRecord,
} from './agreements/agreement.entity';
import { KeptDocument } from './documents/kept-document.entity';
import { FollowUp } from './follow-ups/follow-up.entity';
import { Mediator } from './mediators/mediator.entity';
import { MediationSession } from './sessions/mediation-session.entity';
import { KIT_MIGRATIONS } from './migrations';

export const KIT_ENTITIES = [
  InboxReferral,
  Mediator,
  MediationSession,
  FollowUp,
  Agreement,
  AgreementParty,
  AgreementTerm,
  PerformanceRecord,
  AgreementCounter,
  KeptDocument,
  ...MESSAGING_ENTITIES,
  AuditEntry,
];

/** Each agency service has its own schema, e.g. police_mediation. */
export const agencySchema = (kind: AgencyKind) => AGENCY_SERVICE[kind].replace(/-/g, '_');

export interface AgencyServiceParts {
  /** The service's own entities and migrations beside the kit's (its own features). */
  entities?: Function[];
  migrations?: Function[];
}

export function agencyDataSourceOptions(kind: AgencyKind, url: string, parts: AgencyServiceParts = {}) {
  return {
    url,
    schema: agencySchema(kind),
    entities: [...KIT_ENTITIES, ...(parts.entities ?? [])],
    migrations: [...KIT_MIGRATIONS, ...(parts.migrations ?? [])],
    applicationName: AGENCY_SERVICE[kind],
  };
}

export const makeAgencyDataSource = (kind: AgencyKind, url: string, parts?: AgencyServiceParts) =>
  createServiceDataSource(agencyDataSourceOptions(kind, url, parts));
