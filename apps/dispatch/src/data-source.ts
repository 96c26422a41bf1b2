import { createServiceDataSource } from '@fengqiao/database';
import { AuditEntry } from '@fengqiao/audit';
import { MESSAGING_ENTITIES } from '@fengqiao/messaging';
import { Agency } from './agencies/agency.entity';
import { Jurisdiction } from './agencies/jurisdiction.entity';
import { CaseParty } from './cases/case-party.entity';
import { Case } from './cases/case.entity';
import { DisputeType } from './cases/dispute-type.entity';
import { TimelineEntry } from './cases/timeline-entry.entity';
import { MIGRATIONS } from './migrations';
import { Referral } from './referrals/referral.entity';
import { TypeSuggestionRecord } from './classification/type-suggestion-record.entity';
import { CaseEscalation } from './ladder/case-escalation.entity';
import { Ladder, LadderLevel, LadderPolicy } from './ladder/ladder.entity';
import { CaseLink } from './repeats/case-link.entity';
import { DispatchPolicy } from './routing/dispatch-policy.entity';
import { RoutingMatrixEntry, RoutingMatrixVersion } from './routing/routing-matrix.entity';
import { SCHEMA, SERVICE_NAME } from './config';
import { Whistle, WhistleSummons } from './whistles/whistle.entity';
import { Conference, ConferenceParticipant, ConferenceTask } from './conferences/conference.entity';
import { CalendarOverride, WorkingHours } from './sla/calendar.entity';
import { SlaClock, SlaClockStep, SlaExtension } from './sla/sla-clock.entity';
import { SlaPolicyRule, SlaPolicyVersion } from './sla/sla-policy.entity';
import { Supervision } from './sla/supervision.entity';

export const ENTITIES = [
  Jurisdiction,
  Agency,
  DisputeType,
  Case,
  CaseParty,
  TimelineEntry,
  Referral,
  Ladder,
  LadderLevel,
  LadderPolicy,
  CaseEscalation,
  RoutingMatrixVersion,
  RoutingMatrixEntry,
  DispatchPolicy,
  CaseLink,
  TypeSuggestionRecord,
  Whistle,
  WhistleSummons,
  Conference,
  ConferenceParticipant,
  ConferenceTask,
  SlaPolicyVersion,
  SlaPolicyRule,
  CalendarOverride,
  WorkingHours,
  SlaClock,
  SlaClockStep,
  SlaExtension,
  Supervision,
  ...MESSAGING_ENTITIES,
  AuditEntry,
];

export const dispatchDataSourceOptions = (url: string) => ({
  url,
  schema: SCHEMA,
  entities: ENTITIES,
  migrations: MIGRATIONS,
  applicationName: SERVICE_NAME,
});

export const makeDispatchDataSource = (url: string) =>
  createServiceDataSource(dispatchDataSourceOptions(url));
