import { actorSigningKey } from '@fengqiao/access-token';
import { Module, type DynamicModule } from '@nestjs/common';
import { DispatchSubjects } from '@fengqiao/contracts';
import { natsServers } from '@fengqiao/config';
import { MessagingModule } from '@fengqiao/messaging';
import {
  createAuditVerifyController,
  createHealthController,
  DatabaseModule,
  loggerModule,
} from '@fengqiao/service-runtime';
import { AgenciesModule } from './agencies/agencies.module';
import { CasesModule } from './cases/cases.module';
import { SCHEMA, SERVICE_NAME, type DispatchEnv } from './config';
import { dispatchDataSourceOptions } from './data-source';
import { PersonalDataModule } from './personal-data.module';
import { ReferralsModule } from './referrals/referrals.module';

@Module({})
export class DispatchModule {
  static forRoot(config: DispatchEnv): DynamicModule {
    return {
      module: DispatchModule,
      imports: [
        loggerModule(SERVICE_NAME, config.LOG_LEVEL),
        DatabaseModule.forService({
          ...dispatchDataSourceOptions(config.DATABASE_URL),
          serviceName: SERVICE_NAME,
        }),
        MessagingModule.register({
          serviceName: SERVICE_NAME,
          schema: SCHEMA,
          natsServers: natsServers(config.NATS_URL),
          databaseUrl: config.DATABASE_URL,
          streamReplicas: config.NATS_STREAM_REPLICAS,
          ackWaitMs: config.JETSTREAM_ACK_WAIT_MS,
          signingKey: actorSigningKey(config),
        }),
        PersonalDataModule.forRoot(config),
        AgenciesModule,
        CasesModule,
        ReferralsModule,
      ],
      controllers: [
        createHealthController(SERVICE_NAME, DispatchSubjects.health),
        createAuditVerifyController(SERVICE_NAME, SCHEMA),
      ],
    };
  }
}
