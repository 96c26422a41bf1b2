export { AgencyServiceModule, AgencyKitModule, type AgencyServiceDefinition } from './agency-service.module';
export { AgencyIdentity } from './agency-kind';
export { AgencyEnv, loadAgencyConfig } from './config';
export {
  agencySchema,
  agencyDataSourceOptions,
  makeAgencyDataSource,
  KIT_ENTITIES,
  type AgencyServiceParts,
} from './data-source';
export { AGENCY_CONFIG, DispatchClient } from './dispatch-link/dispatch-client';
export {
  renderPdf,
  type PdfDocumentSpec,
  type PdfSection,
  type PdfSignature,
} from './documents/pdf-document';
export {
  assertDocumentFits,
  DocumentStore,
  MAX_DOCUMENT_BYTES,
  sha256Hex,
  type DocumentToKeep,
  type OpenedDocument,
} from './documents/document-store';
export { KeptDocument } from './documents/kept-document.entity';
export { beijingDay, beijingDayStart, chineseDate, chineseNumeral } from './documents/chinese-dates';
export { Agreement, AgreementParty, AgreementTerm, PerformanceRecord } from './agreements/agreement.entity';
export { AGREEMENT_TITLE } from './agreements/agreement-document';
export { tableOf } from './agreements/table-path';
export { InboxReferral } from './inbox/inbox-referral.entity';
export {
  assertStatus,
  findOwnReferral,
  lockWorkingReferral,
  mayWorkOn,
  referralFacts,
  STATUS_ZH,
  TAKEN_ON,
  WHILE_MEDIATING,
  type ReferralWork,
} from './inbox/working-referrals';
export { Mediator } from './mediators/mediator.entity';
export { MediatorQueries, type MediatorScope } from './mediators/mediator-queries';
export { MediatorRoster, mediatorFacts } from './mediators/mediator-roster';
export { assertKeepsRoster, assertMayRead, findReadableReferral, mayRead } from './mediators/agency-access';
export { AssignMediator, assignableMediator } from './mediators/assign-mediator';
export { toMediatorView } from './mediators/mediator.views';
export { MediationSession } from './sessions/mediation-session.entity';
export { FollowUp } from './follow-ups/follow-up.entity';
export { runAgencyService, runAgencyDatabaseCli, runAgencySeed } from './run-agency-service';
export { insertMissing, insertMissingMediators, type DemoMediator } from './demo-seed';
export { ReferralRecord, RecordedReferralRecord } from './work/referral-record.entity';
export { ReferralWorkUnit } from './work/referral-work-unit';
