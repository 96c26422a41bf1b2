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
export { renderPdf, type PdfDocumentSpec, type PdfSection } from './documents/pdf-document';
export { InboxReferral } from './inbox/inbox-referral.entity';
export {
  assertStatus,
  findOwnReferral,
  lockWorkingReferral,
  mayWorkOn,
  referralFacts,
  STATUS_ZH,
  WHILE_MEDIATING,
  type ReferralWork,
} from './inbox/working-referrals';
export { Mediator } from './mediators/mediator.entity';
export { runAgencyService, runAgencyDatabaseCli } from './run-agency-service';
