import { Global, Module, type DynamicModule } from '@nestjs/common';
import { AGENCY_SERVICE, type AgencyKind } from '@fengqiao/contracts';
import { PersonalDataModule, ServiceRuntimeModule } from '@fengqiao/service-runtime';
import { AgencyIdentity } from './agency-kind';
import type { AgencyEnv } from './config';
import { agencyDataSourceOptions, type AgencyServiceParts } from './data-source';
import { AGENCY_CONFIG, DispatchClient } from './dispatch-link/dispatch-client';
import { ApplyDispatchDecisions } from './inbox/apply-dispatch-decisions';
import { createInboxHandlers } from './inbox/inbox.handlers';
import { InboxQueries } from './inbox/inbox-queries';
import { ReceiveReferral } from './inbox/receive-referral';
import { ReferralLifecycle } from './inbox/referral-lifecycle';

export interface AgencyServiceDefinition extends AgencyServiceParts {
  kind: AgencyKind;
  /** The service's own feature modules, composed beside the kit's inbox. */
  imports?: DynamicModule['imports'];
}

/** One agency mediation service: the kit's inbox plus whatever the service adds of its own. */
@Module({})
export class AgencyServiceModule {
  static forAgency(definition: AgencyServiceDefinition, config: AgencyEnv): DynamicModule {
    const serviceName = AGENCY_SERVICE[definition.kind];
    return {
      module: AgencyServiceModule,
      imports: [
        ServiceRuntimeModule.forService({
          serviceName,
          config,
          ...agencyDataSourceOptions(definition.kind, config.DATABASE_URL, definition),
        }),
        PersonalDataModule.forRoot(config),
        AgencyKitModule.forAgency(definition.kind, config),
        ...(definition.imports ?? []),
      ],
      controllers: [createInboxHandlers(definition.kind)],
      providers: [ReceiveReferral, ApplyDispatchDecisions, ReferralLifecycle, InboxQueries],
    };
  }
}

/**
 * What the kit gives every module of an agency service, its own features included: which kind it
 * serves, its validated config and the client to dispatch. Global, so a service's feature module
 * injects them without importing the kit's internals.
 */
@Global()
@Module({})
export class AgencyKitModule {
  static forAgency(kind: AgencyKind, config: AgencyEnv): DynamicModule {
    return {
      module: AgencyKitModule,
      providers: [
        { provide: AgencyIdentity, useValue: new AgencyIdentity(kind, AGENCY_SERVICE[kind]) },
        { provide: AGENCY_CONFIG, useValue: config },
        DispatchClient,
      ],
      exports: [AgencyIdentity, AGENCY_CONFIG, DispatchClient],
    };
  }
}
