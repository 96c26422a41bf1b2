import { actorSigningKey } from '@fengqiao/access-token';
import { Module, type DynamicModule } from '@nestjs/common';
import { natsServers } from '@fengqiao/config';
import { AGENCY_SERVICE, agencySubjects, type AgencyKind } from '@fengqiao/contracts';
import { MessagingModule } from '@fengqiao/messaging';
import {
  createAuditVerifyController,
  createHealthController,
  DatabaseModule,
  loggerModule,
} from '@fengqiao/service-runtime';
import { AgencyIdentity } from './agency-kind';
import type { AgencyEnv } from './config';
import { agencyDataSourceOptions, agencySchema, type AgencyServiceParts } from './data-source';
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
        loggerModule(serviceName, config.LOG_LEVEL),
        DatabaseModule.forService({
          ...agencyDataSourceOptions(definition.kind, config.DATABASE_URL, definition),
          serviceName,
        }),
        MessagingModule.register({
          serviceName,
          schema: agencySchema(definition.kind),
          natsServers: natsServers(config.NATS_URL),
          databaseUrl: config.DATABASE_URL,
          streamReplicas: config.NATS_STREAM_REPLICAS,
          ackWaitMs: config.JETSTREAM_ACK_WAIT_MS,
          signingKey: actorSigningKey(config),
        }),
        ...(definition.imports ?? []),
      ],
      controllers: [
        createInboxHandlers(definition.kind),
        createHealthController(serviceName, agencySubjects(definition.kind).health),
        createAuditVerifyController(serviceName, agencySchema(definition.kind)),
      ],
      providers: [
        { provide: AgencyIdentity, useValue: new AgencyIdentity(definition.kind, serviceName) },
        ReceiveReferral,
        ReferralLifecycle,
        InboxQueries,
      ],
    };
  }
}
