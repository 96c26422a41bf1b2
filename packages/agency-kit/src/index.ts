export { AgencyServiceModule, type AgencyServiceDefinition } from './agency-service.module';
export { AgencyIdentity } from './agency-kind';
export { AgencyEnv, loadAgencyConfig } from './config';
export {
  agencySchema,
  agencyDataSourceOptions,
  makeAgencyDataSource,
  KIT_ENTITIES,
  type AgencyServiceParts,
} from './data-source';
export { InboxReferral } from './inbox/inbox-referral.entity';
export { runAgencyService, runAgencyDatabaseCli } from './run-agency-service';
