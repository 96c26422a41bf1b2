import { Module, type DynamicModule } from '@nestjs/common';
import { PersonalDataModule, ServiceRuntimeModule } from '@fengqiao/service-runtime';
import { AgenciesModule } from './agencies/agencies.module';
import { CasesModule } from './cases/cases.module';
import { SCHEMA, SERVICE_NAME, type DispatchEnv } from './config';
import { ENTITIES } from './data-source';
import { MIGRATIONS } from './migrations';
import { SettingsModule } from './settings.module';
import { ReferralsModule } from './referrals/referrals.module';
import { WhistlesModule } from './whistles/whistles.module';
import { ConferencesModule } from './conferences/conferences.module';
import { ClassificationModule } from './classification/classification.module';
import { LadderModule } from './ladder/ladder.module';
import { RoutingModule } from './routing/routing.module';
import { SlaModule } from './sla/sla.module';
import { FollowUpsModule } from './follow-ups/follow-ups.module';
import { AgencyReportsModule } from './agency-reports/agency-reports.module';

@Module({})
export class DispatchModule {
  static forRoot(config: DispatchEnv): DynamicModule {
    return {
      module: DispatchModule,
      imports: [
        ServiceRuntimeModule.forService({
          serviceName: SERVICE_NAME,
          schema: SCHEMA,
          entities: ENTITIES,
          migrations: MIGRATIONS,
          config,
        }),
        PersonalDataModule.forRoot(config),
        SettingsModule.forRoot(config),
        AgenciesModule,
        CasesModule,
        ReferralsModule,
        WhistlesModule,
        ConferencesModule,
        RoutingModule,
        LadderModule,
        ClassificationModule,
        SlaModule,
        FollowUpsModule,
        AgencyReportsModule,
      ],
    };
  }
}
