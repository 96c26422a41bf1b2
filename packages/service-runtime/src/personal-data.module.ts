import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { PersonalDataCipher, personalDataKeysFromEnv, type PersonalDataEnv } from '@fengqiao/pii';

/**
 * The cipher for personal data (parties' ID numbers and phones, mediators' phones, channel secrets),
 * from validated config; fails start-up on bad keys.
 */
@Module({})
export class PersonalDataModule {
  static forRoot(env: PersonalDataEnv): DynamicModule {
    const { keys, usesDevelopmentKeys } = personalDataKeysFromEnv(env);
    if (usesDevelopmentKeys) {
      new Logger('PersonalData').warn(
        'PII_KEYS not set: using the published development keys (never in production)',
      );
    }
    return {
      module: PersonalDataModule,
      global: true,
      providers: [{ provide: PersonalDataCipher, useValue: new PersonalDataCipher(keys) }],
      exports: [PersonalDataCipher],
    };
  }
}
