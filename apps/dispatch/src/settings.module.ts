import { Module, type DynamicModule } from '@nestjs/common';
import { Clock } from './clock';
import { DispatchEnv } from './config';

/**
 * What every feature reads from outside itself, provided once: the validated configuration
 * (`DispatchEnv`) and the clock deadlines are judged by (one instance, so a test can stand it still).
 */
@Module({})
export class SettingsModule {
  static forRoot(config: DispatchEnv): DynamicModule {
    return {
      module: SettingsModule,
      global: true,
      providers: [{ provide: DispatchEnv, useValue: config }, Clock],
      exports: [DispatchEnv, Clock],
    };
  }
}
