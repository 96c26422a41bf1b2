import { randomUUID } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import { ClientProxyFactory, Transport, type ClientProxy } from '@nestjs/microservices';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { headers, type NatsConnection } from '@nats-io/transport-node';
import { DEVELOPMENT_ACTOR_SIGNING_KEY, signEvent } from '@fengqiao/access-token';
import type { Actor, EventContract } from '@fengqiao/contracts';
import type { HubError } from '@fengqiao/errors';
import { createScratchDatabase, type ScratchDatabase } from '@fengqiao/database';
import { NatsServerProcess } from '@fengqiao/hub-process';
import { connectNats, ensureStreams, EVENT_SIGNATURE_HEADER, RpcClient } from '@fengqiao/messaging';
import { bootMicroservice } from '@fengqiao/service-runtime';

export const TEST_ACTOR: Actor = {
  id: 'u-test',
  name: '测试协调员',
  role: 'coordinator',
  jurisdictionCode: '370781000000',
};

/** Polls until `ok` holds or the time is up; returns the last value so the assertion shows it. */
/** The HubError a call failed with, to assert on; a call that succeeds fails the test. */
export function failure(call: Promise<unknown>): Promise<HubError> {
  return call.then(
    () => Promise.reject(new Error('expected a failure')),
    (e: HubError) => e,
  );
}

export async function eventually<T>(
  probe: () => Promise<T>,
  ok: (v: T) => boolean,
  timeoutMs = 15000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A scratch database and a private nats-server for one test file; `close()` removes both. */
export class TestStores {
  private constructor(
    readonly db: ScratchDatabase,
    readonly nats: NatsServerProcess,
    readonly nc: NatsConnection,
    readonly js: JetStreamClient,
    readonly jsm: JetStreamManager,
    private readonly client: ClientProxy,
  ) {}

  static async start(): Promise<TestStores> {
    const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const [db, nats] = await Promise.all([createScratchDatabase(base), NatsServerProcess.start()]);
    const nc = await connectNats('test', [nats.url]);
    const jsm = await jetstreamManager(nc);
    await ensureStreams(jsm, 1);
    const client = ClientProxyFactory.create({ transport: Transport.NATS, options: { servers: [nats.url] } });
    await client.connect();
    return new TestStores(db, nats, nc, jetstream(nc), jsm, client);
  }

  /** Environment a service under test reads. */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return { DATABASE_URL: this.db.url, NATS_URL: this.nats.url, LOG_LEVEL: 'silent', ...extra };
  }

  /** A client that signs like the gateway (development key); pass `null` for an unsigned one. */
  rpc(timeoutMs = 5000, signingKey: string | null = DEVELOPMENT_ACTOR_SIGNING_KEY): RpcClient {
    return new RpcClient(this.client, timeoutMs, signingKey ?? undefined);
  }

  /** Publishes an event as a producer's relay would, with a message id. */
  async publish<T extends object>(
    contract: EventContract<T>,
    event: T,
    msgID: string = randomUUID(),
  ): Promise<string> {
    const data = JSON.stringify(event);
    const h = headers();
    h.set(EVENT_SIGNATURE_HEADER, signEvent(contract.subject, msgID, data, DEVELOPMENT_ACTOR_SIGNING_KEY));
    await this.js.publish(contract.subject, data, { msgID, headers: h });
    return msgID;
  }

  /** The events stored on a subject, oldest first. */
  async events<T>(subject: string): Promise<T[]> {
    const out: T[] = [];
    const streamName = await this.jsm.streams.find(subject);
    const info = await this.jsm.streams.info(streamName);
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
      const m = await this.jsm.streams.getMessage(streamName, { seq }).catch(() => null);
      if (m && m.subject === subject) out.push(m.json<T>());
    }
    return out;
  }

  async close(): Promise<void> {
    await this.client.close();
    await this.nc.close();
    await Promise.all([this.db.drop(), this.nats.destroy()]);
  }
}

/** Boots a service module in this process, as main.ts would, against the test stores. */
export async function bootService(
  module: unknown,
  serviceName: string,
  stores: TestStores,
): Promise<INestMicroservice> {
  const app = await bootMicroservice(module, {
    serviceName,
    natsServers: [stores.nats.url],
    shutdownGraceMs: 2000,
    signingKey: DEVELOPMENT_ACTOR_SIGNING_KEY,
  });
  // The service's subscriptions reach the server on its own connection; on a loaded machine the
  // test's first request can overtake them ("no responders"). Its health answer says they are in.
  const rpc = stores.rpc(1000);
  await eventually(
    () =>
      rpc.request(serviceName, `${serviceName}.health.check.v1`, TEST_ACTOR, {}).then(
        () => true,
        () => false,
      ),
    (answered) => answered,
  );
  return app;
}

/** Demo-city agencies the tests refer to (seeded by apps/dispatch/src/seed/demo-city.ts). */
export const DEMO_AGENCY = {
  huanglouPolice: '6a1f0c00-0000-4000-8000-000000000101', // 青州市公安局黄楼派出所
  huanglouJudicial: '6a1f0c00-0000-4000-8000-000000000201', // 青州市司法局黄楼司法所
  huanglouCommittee: '6a1f0c00-0000-4000-8000-000000000301', // 黄楼街道人民调解委员会
  lawyerStudio: '6a1f0c00-0000-4000-8000-000000000401', // 黄楼街道律师调解工作室
  luliPolicePost: '6a1f0c00-0000-4000-8000-000000000103', // 黄楼派出所卢李村警务室
  luliCommittee: '6a1f0c00-0000-4000-8000-000000000302', // 卢李村人民调解委员会
  medicalCommittee: '6a1f0c00-0000-4000-8000-000000000303', // 青州市医疗纠纷人民调解委员会
  cityLawyerStudio: '6a1f0c00-0000-4000-8000-000000000402', // 青州市公共法律服务中心律师调解工作室
  wangfuPolice: '6a1f0c00-0000-4000-8000-000000000102', // 青州市公安局王府派出所
  wangfuCentre: '6a1f0c00-0000-4000-8000-000000000305', // 王府街道“宜调解”矛盾纠纷调解中心
  miheCommittee: '6a1f0c00-0000-4000-8000-000000000306', // 闵家村人民调解委员会
  mihePolice: '6a1f0c00-0000-4000-8000-000000000104', // 青州市公安局弥河派出所
  miheJudicial: '6a1f0c00-0000-4000-8000-000000000203', // 青州市司法局弥河司法所
  huanglouLand: '6a1f0c00-0000-4000-8000-000000000501', // 黄楼自然资源所
  huanglouCivil: '6a1f0c00-0000-4000-8000-000000000502', // 黄楼街道民政办
  huanglouMarket: '6a1f0c00-0000-4000-8000-000000000503', // 黄楼市场监管所
  huanglouEnforcement: '6a1f0c00-0000-4000-8000-000000000504', // 黄楼街道综合行政执法中队
  huanglouCourt: '6a1f0c00-0000-4000-8000-000000000505', // 黄楼人民法庭
  miheLand: '6a1f0c00-0000-4000-8000-000000000506', // 弥河自然资源所
  miheCivil: '6a1f0c00-0000-4000-8000-000000000507', // 弥河镇民政办
  miheFarming: '6a1f0c00-0000-4000-8000-000000000508', // 弥河镇农业综合服务中心
};

/** A valid registration body for a neighbours' dispute in 卢李村; override what a test needs. */
export const aDispute = (over: object = {}) => ({
  title: '邻里漏水纠纷',
  description: '楼上住户卫生间漏水，楼下住户多次协商未果。',
  disputeType: 'neighbour',
  jurisdictionCode: '370781007201',
  channel: 'walk_in',
  parties: [
    { kind: 'person', role: 'applicant', name: '王某' },
    { kind: 'person', role: 'respondent', name: '李某' },
  ],
  ...over,
});
export { DispatchDouble, DEMO_AGENCY_VIEWS, type DispatchAnswer } from './dispatch-double';
