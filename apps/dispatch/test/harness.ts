import type { INestMicroservice } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RpcClient } from '@fengqiao/messaging';
import { bootService, TestStores } from '@fengqiao/testing';
import { DispatchModule } from '../src/app.module';
import { loadDispatchConfig } from '../src/config';
import { seedDemoCity } from '../src/seed/seed-demo-city';

/** Dispatch booted on a test file's own scratch database and nats-server, with the demo city seeded. */
export interface DispatchUnderTest {
  stores: TestStores;
  app: INestMicroservice;
  rpc: RpcClient;
  dataSource: DataSource;
  stop(): Promise<void>;
}

export async function startDispatch(env: Record<string, string> = {}): Promise<DispatchUnderTest> {
  const stores = await TestStores.start();
  const app = await bootService(
    DispatchModule.forRoot(loadDispatchConfig({ ...stores.env(), ...env })),
    'dispatch',
    stores,
  );
  const dataSource = app.get(DataSource);
  await seedDemoCity(dataSource);
  return {
    stores,
    app,
    rpc: stores.rpc(),
    dataSource,
    stop: async () => {
      await app.close();
      await stores.close();
    },
  };
}

export { failure } from '@fengqiao/testing';
