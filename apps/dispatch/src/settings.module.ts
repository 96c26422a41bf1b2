import { Module, type DynamicModule } from '@nestjs/common';
import { DispatchEnv } from './config';

/** The validated configuration, injectable as `DispatchEnv` wherever a rule reads a setting. */
@Module({})
export class SettingsModule {
  static forRoot(config: DispatchEnv): DynamicModule {
    return {
      module: SettingsModule,
      global: true,
      providers: [{ provide: DispatchEnv, useValue: config }],
      exports: [DispatchEnv],
    };
  }
}
