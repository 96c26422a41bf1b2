import { Global, Module, type DynamicModule } from '@nestjs/common';
import { AGENCY_SERVICE, type AgencyKind } from '@fengqiao/contracts';
import { PersonalDataModule, ServiceRuntimeModule } from '@fengqiao/service-runtime';
import { AgencyIdentity } from './agency-kind';
import { ReferralWorkUnit } from './work/referral-work-unit';
import { AgreementDrafting } from './agreements/agreement-drafting';
import { AgreementIssuers } from './agreements/agreement-number';
import { AgreementPerformance } from './agreements/agreement-performance';
import { AgreementQueries } from './agreements/agreement-queries';
import { AgreementReader } from './agreements/agreement-reader';
import { createAgreementHandlers } from './agreements/agreements.handlers';
import { DocumentStore } from './documents/document-store';
import { LedgerExport } from './ledger/ledger-export';
import { LedgerExportsBucket } from './ledger/ledger-exports-bucket';
import { createLedgerHandlers } from './ledger/ledger.handlers';
import type { AgencyEnv } from './config';
import { agencyDataSourceOptions, type AgencyServiceParts } from './data-source';
import { AGENCY_CONFIG, DispatchClient } from './dispatch-link/dispatch-client';
import { ApplyDispatchDecisions } from './inbox/apply-dispatch-decisions';
import { createInboxHandlers } from './inbox/inbox.handlers';
import { InboxQueries } from './inbox/inbox-queries';
import { ReceiveReferral } from './inbox/receive-referral';
import { ReferralLifecycle } from './inbox/referral-lifecycle';
import { FollowUpQueries } from './follow-ups/follow-up-queries';
import { FollowUpScheduler } from './follow-ups/follow-up-scheduler';
import { FollowUpWork } from './follow-ups/follow-up-work';
import { createFollowUpHandlers } from './follow-ups/follow-ups.handlers';
import { AssignMediator } from './mediators/assign-mediator';
import { MediatorQueries } from './mediators/mediator-queries';
import { MediatorRoster } from './mediators/mediator-roster';
import { createMediatorHandlers } from './mediators/mediators.handlers';
import { MediationSessionQueries } from './sessions/mediation-session-queries';
import { createMediationSessionHandlers } from './sessions/mediation-sessions.handlers';
import { RecordMediationSession } from './sessions/record-mediation-session';

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
      controllers: [
        createInboxHandlers(definition.kind),
        createMediatorHandlers(definition.kind),
        createMediationSessionHandlers(definition.kind),
        createFollowUpHandlers(definition.kind),
        createAgreementHandlers(definition.kind),
        createLedgerHandlers(definition.kind),
      ],
      providers: [
        ReceiveReferral,
        ApplyDispatchDecisions,
        ReferralLifecycle,
        InboxQueries,
        RecordMediationSession,
        MediationSessionQueries,
        FollowUpScheduler,
        FollowUpWork,
        FollowUpQueries,
        AgreementIssuers,
        AgreementReader,
        AgreementDrafting,
        AgreementPerformance,
        AgreementQueries,
        LedgerExportsBucket,
        LedgerExport,
      ],
    };
  }
}

/**
 * What the kit gives every module of an agency service, its own features included: which kind it
 * serves, its validated config, the client to dispatch, and the roster of mediators (a service's
 * own roster, such as the lawyers', adds to it; its lists read it) and the assignment of one in
 * charge (the parties' choice of a lawyer ends in it). Global, so a service's feature module
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
        MediatorRoster,
        AssignMediator,
        MediatorQueries,
        DocumentStore,
        ReferralWorkUnit,
      ],
      exports: [
        AgencyIdentity,
        AGENCY_CONFIG,
        DispatchClient,
        MediatorRoster,
        AssignMediator,
        MediatorQueries,
        DocumentStore,
        ReferralWorkUnit,
      ],
    };
  }
}
