import { Module, type DynamicModule } from '@nestjs/common';
import { AGENCY_SERVICE, type AgencyKind } from '@fengqiao/contracts';
import { ServiceRuntimeModule } from '@fengqiao/service-runtime';
import { AgencyIdentity } from './agency-kind';
import type { AgencyEnv } from './config';
import { agencyDataSourceOptions, type AgencyServiceParts } from './data-source';
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
        ...(definition.imports ?? []),
      ],
      controllers: [createInboxHandlers(definition.kind)],
      providers: [
        { provide: AgencyIdentity, useValue: new AgencyIdentity(definition.kind, serviceName) },
        ReceiveReferral,
        ApplyDispatchDecisions,
        ReferralLifecycle,
        InboxQueries,
      ],
    };
  }
}
