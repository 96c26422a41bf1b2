import { Inject, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { EntitySchema, MixedList } from 'typeorm';
import { DataSource } from 'typeorm';
import { createServiceDataSource, ensureDatabase, openAndMigrate } from '@fengqiao/database';

export interface DatabaseModuleOptions {
  url: string;
  schema: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: Function[];
  serviceName: string;
}

class DataSourceCloser implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}
  // Runs last: consumers and the relay have stopped in beforeApplicationShutdown.
  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** The service's DataSource in its own schema, migrated at boot (advisory-locked across replicas). */
@Module({})
export class DatabaseModule {
  static forService(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      providers: [
        {
          provide: DataSource,
          useFactory: async () => {
            await ensureDatabase(options.url);
            const dataSource = createServiceDataSource({ ...options, applicationName: options.serviceName });
            const ran = await openAndMigrate(dataSource);
            if (ran.length) new Logger('Database').log(`migrations applied: ${ran.join(', ')}`);
            return dataSource;
          },
        },
        DataSourceCloser,
      ],
      exports: [DataSource],
    };
  }
}
