import { randomUUID } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import {
  NotificationSubjects,
  SlaClockWarnedV1,
  ViolenceRiskAssessedV1,
  type DeliveryView,
  type NotificationChannelView,
  type Page,
} from '@fengqiao/contracts';
import type { RpcClient } from '@fengqiao/messaging';
import { bootService, eventually, TestStores } from '@fengqiao/testing';
import { NotificationsModule } from '../src/app.module';
import { loadNotificationsConfig } from '../src/config';
import { Receiver } from './receiver';
import { ADMIN, answering, COORDINATOR, warned } from './fixtures';

/**
 * 民转刑风险预警: a police assessment that finds a risk of violence alerts the assessing station on
 * each of its enabled channels, once per assessment, through the same deliveries and worker as SLA
 * warnings; a low or medium grade alerts nobody.
 */

let stores: TestStores;
let receiver: Receiver;
let app: INestMicroservice;
let rpc: RpcClient;

const send = <T>(subject: string, body: object, actor: object = ADMIN) =>
  rpc.request<T>('notifications', subject, actor as typeof ADMIN, body);
const setChannels = (agencyId: string, channels: object[]) =>
  send<NotificationChannelView[]>(NotificationSubjects.channelSet, { agencyId, channels });
const list = (query: object, actor: object = ADMIN) =>
  send<Page<DeliveryView>>(NotificationSubjects.deliveryList, query, actor);

const SECRET = 'SEC0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const robot = (kind: 'dingtalk' | 'wecom', path: string, levels: string[], enabled = true) => {
  if (kind === 'dingtalk') receiver.dingTalk(path, SECRET);
  return {
    kind,
    webhookUrl: receiver.url(`${path}?key=key-${path.slice(1)}`),
    ...(kind === 'dingtalk' ? { secret: SECRET } : {}),
    levels,
    enabled,
  };
};

/** A case in 弥河镇 (370781107000, the coordinator's 辖区), as the police inbox row names it. */
const aCase = () => ({
  caseId: randomUUID(),
  caseNumber: `370781-2026-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
});

const assessment = (
  agencyId: string,
  kase: { caseId: string; caseNumber: string },
  over: Partial<ViolenceRiskAssessedV1> = {},
): ViolenceRiskAssessedV1 => ({
  referralId: randomUUID(),
  ...kase,
  jurisdictionCode: '370781107201',
  agencyId,
  agencyKind: 'police',
  assessmentId: randomUUID(),
  grade: 'high',
  score: 85,
  factors: ['threats_of_harm', 'weapons_involved', 'prior_violence', 'escalating'],
  violenceRisk: true,
  raisesRiskTo: 'especially_major',
  note: '一方持刀威胁',
  assessedAt: new Date().toISOString(),
  assessedBy: { id: 'u-police', name: '弥河派出所 陈民警', role: 'agency_staff' },
  ...over,
});

beforeAll(async () => {
  [stores, receiver] = await Promise.all([TestStores.start(), Receiver.start()]);
  const config = loadNotificationsConfig(
    stores.env({ DELIVERY_POLL_MS: '50', DELIVERY_BACKOFF_MS: '100,200', DELIVERY_TIMEOUT_MS: '500' }),
  );
  app = await bootService(NotificationsModule.forRoot(config), 'notifications', stores);
  rpc = stores.rpc();
  await answering(rpc);
});

afterAll(async () => {
  await app?.close();
  await receiver?.close();
  await stores?.close();
});

describe('民转刑风险预警', () => {
  it('alerts every enabled channel of the assessing station once per assessment, naming the case and score', async () => {
    const station = randomUUID();
    await setChannels(station, [
      robot('dingtalk', '/alert-ding', ['yellow']),
      robot('wecom', '/alert-wecom', ['red']),
      robot('wecom', '/alert-off', ['red'], false),
    ]);
    const kase = aCase();
    const high = assessment(station, kase);
    await stores.publish(ViolenceRiskAssessedV1, high);
    const done = await eventually(
      () => list({ agencyId: station, pageSize: 100 }),
      (p) => p.items.length === 2 && p.items.every((d) => d.status === 'delivered'),
    );
    expect(done.items.map((d) => d.channelKind).sort()).toEqual(['dingtalk', 'wecom']);
    for (const d of done.items) {
      expect(d).toMatchObject({ kind: 'violence_risk', caseNumber: kase.caseNumber, level: 'red' });
      expect(d.clockId).toBeUndefined();
    }
    const text =
      `【枫桥Hub 民转刑风险预警】案件 ${kase.caseNumber} 民转刑风险评估 85 分（高风险），风险等级升至特别重大，` +
      '请立即落实稳控措施。评估人：弥河派出所 陈民警';
    expect(receiver.on('/alert-ding').map((h) => h.body)).toEqual([
      { msgtype: 'text', text: { content: text } },
    ]);
    expect(receiver.on('/alert-wecom').map((h) => h.body)).toEqual([
      { msgtype: 'text', text: { content: text } },
    ]);
    expect(receiver.on('/alert-off')).toEqual([]);

    // The same assessment again under another message id: nothing more. A second assessment alerts again.
    await stores.publish(ViolenceRiskAssessedV1, high);
    await stores.publish(ViolenceRiskAssessedV1, assessment(station, kase, { score: 90 }));
    const second = () => receiver.on('/alert-wecom').some((h) => JSON.stringify(h.body).includes('90 分'));
    const after = await eventually(
      () => list({ agencyId: station, pageSize: 100 }),
      (p) => second() && p.items.every((d) => d.status === 'delivered'),
    );
    expect(after.total).toBe(4);
    expect(receiver.on('/alert-wecom')).toHaveLength(2);

    // The coordinator of the case's 辖区 sees them, filtered by kind.
    const seen = await list({ agencyId: station, kind: 'violence_risk' }, COORDINATOR);
    expect(seen.total).toBe(4);
    expect((await list({ agencyId: station, kind: 'sla' }, COORDINATOR)).total).toBe(0);
  });

  it('alerts nobody for a low or medium grade, and keeps SLA deliveries of kind sla', async () => {
    const quiet = randomUUID();
    const loud = randomUUID();
    await setChannels(quiet, [robot('wecom', '/quiet-wecom', ['yellow', 'orange', 'red'])]);
    await setChannels(loud, [robot('wecom', '/loud-wecom', ['red'])]);
    const kase = aCase();
    await stores.publish(
      ViolenceRiskAssessedV1,
      assessment(quiet, kase, {
        grade: 'medium',
        score: 40,
        violenceRisk: false,
        raisesRiskTo: undefined,
      }),
    );
    // A high one after it on the same consumer: once it is delivered, the medium one was passed over.
    await stores.publish(ViolenceRiskAssessedV1, assessment(loud, kase));
    await eventually(
      () => list({ agencyId: loud }),
      (p) => p.total === 1,
    );
    expect((await list({ agencyId: quiet })).total).toBe(0);

    await stores.publish(SlaClockWarnedV1, warned(quiet));
    const page = await eventually(
      () => list({ agencyId: quiet }),
      (p) => p.total === 1,
    );
    expect(page.items[0]).toMatchObject({ kind: 'sla', clockId: expect.any(String) });
  });
});
