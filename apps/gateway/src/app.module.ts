import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ClientsModule, Transport } from '@nestjs/microservices';
import { actorSigningKey } from '@fengqiao/access-token';
import { natsServers } from '@fengqiao/config';
import { loggerModule } from '@fengqiao/service-runtime';
import { AdminController } from './admin/admin.controller';
import { AgenciesController } from './agencies/agencies.controller';
import { AgreementsController } from './agreements/agreements.controller';
import { FollowUpsController } from './agency-work/follow-ups.controller';
import { MediatorsController } from './agency-work/mediators.controller';
import { MediationSessionsController } from './agency-work/sessions.controller';
import { AuthController } from './auth/auth.controller';
import { CasesController } from './cases/cases.controller';
import { SERVICE_NAME, type GatewayEnv } from './config';
import { HEALTH_TIMEOUT_MS, HealthController } from './health/health.controller';
import { ACTOR_SIGNING_KEY, NATS_CLIENT, RPC_TIMEOUT_MS, ServiceClient } from './http/service-client';
import { AgencyRouter } from './http/agency-router';
import { RevokedSessionsModule } from './http/revoked-sessions.module';
import { LaddersController } from './ladders/ladders.controller';
import { LedgerController } from './ledger/ledger.controller';
import { ledgerDownloads } from './ledger/ledger-downloads';
import { JudicialController } from './judicial/judicial.controller';
import { LawyersController } from './lawyers/lawyers.controller';
import { ReferralCoordinationController } from './referrals/referral-coordination.controller';
import { ReferralsController } from './referrals/referrals.controller';
import { RoutingController } from './routing/routing.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { PeopleMediationController } from './people/people-mediation.controller';
import { PoliceController } from './police/police.controller';
import { SlaController } from './sla/sla.controller';
import { WhistlesController } from './whistles/whistles.controller';
import { ConferencesController } from './conferences/conferences.controller';

@Module({})
export class GatewayModule {
  static forRoot(config: GatewayEnv): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        DiscoveryModule,
        RevokedSessionsModule.forRoot(config),
        loggerModule(SERVICE_NAME, config.LOG_LEVEL),
        ClientsModule.register([
          {
            name: NATS_CLIENT,
            transport: Transport.NATS,
            options: {
              servers: natsServers(config.NATS_URL),
              name: 'gateway-rpc',
              maxReconnectAttempts: -1,
              reconnectTimeWait: 500,
              waitOnFirstConnect: true,
            },
          },
        ]),
      ],
      controllers: [
        AuthController,
        AdminController,
        AgenciesController,
        CasesController,
        ReferralsController,
        ReferralCoordinationController,
        RoutingController,
        LaddersController,
        WhistlesController,
        ConferencesController,
        SlaController,
        NotificationsController,
        MediatorsController,
        MediationSessionsController,
        FollowUpsController,
        PeopleMediationController,
        PoliceController,
        LawyersController,
        JudicialController,
        AgreementsController,
        LedgerController,
        HealthController,
      ],
      providers: [
        ServiceClient,
        AgencyRouter,
        ledgerDownloads(config),
        { provide: RPC_TIMEOUT_MS, useValue: config.RPC_TIMEOUT_MS },
        { provide: ACTOR_SIGNING_KEY, useValue: actorSigningKey(config) },
        { provide: HEALTH_TIMEOUT_MS, useValue: config.HEALTH_TIMEOUT_MS },
      ],
    };
  }
}
