import { createHmac, randomUUID } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  NotificationSubjects,
  SlaClockBreachedV1,
  SlaClockWarnedV1,
  type DeliveryView,
  type NotificationChannelView,
  type Page,
} from '@fengqiao/contracts';
import type { RpcClient } from '@fengqiao/messaging';
import { PersonalDataCipher } from '@fengqiao/pii';
import { bootService, eventually, failure, TestStores } from '@fengqiao/testing';
import { channelAdapters } from '../src/adapters/channel-registry';
import { NotificationsModule } from '../src/app.module';
import { loadNotificationsConfig, type NotificationsConfig } from '../src/config';
import { makeNotificationsDataSource } from '../src/data-source';
import { DeliveryWorker } from '../src/deliveries/delivery-worker';
import { DeliveryWorkerService } from '../src/deliveries/delivery-worker.service';
import { renderSlaMessage } from '../src/messages/render';
import { Receiver } from './receiver';
import {
  ADMIN,
  answering,
  breached,
  CLERK,
  COORDINATOR,
  LEADER,
  OTHER_LEADER,
  REPORTER,
  warned,
} from './fixtures';

const SMS_KEY = 'sms-gateway-test-key-0123456789';
const SECRET = 'SEC0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const MAX_ATTEMPTS = 4;
const TIMEOUT_MS = 500;

let stores: TestStores;
let receiver: Receiver;
let config: NotificationsConfig;
let app: INestMicroservice;
let rpc: RpcClient;
let db: DataSource;

const send = <T>(subject: string, body: object, actor: object = ADMIN) =>
  rpc.request<T>('notifications', subject, actor as typeof ADMIN, body);
const setChannels = (agencyId: string, channels: object[]) =>
  send<NotificationChannelView[]>(NotificationSubjects.channelSet, { agencyId, channels });
const list = (query: object, actor: object = ADMIN) =>
  send<Page<DeliveryView>>(NotificationSubjects.deliveryList, query, actor);

/** Waits until the agency's deliveries (as many as `count`) all satisfy `done`. */
const settled = (agencyId: string, count: number, done: (d: DeliveryView) => boolean, timeoutMs = 15000) =>
  eventually(
    () => list({ agencyId, pageSize: 100 }),
    (p) => p.items.length === count && p.items.every(done),
    timeoutMs,
  ).then((p) => p.items);

const dingtalk = (path: string, levels: string[] = ['yellow', 'orange', 'red'], enabled = true) => {
  receiver.dingTalk(path, SECRET);
  return {
    kind: 'dingtalk',
    webhookUrl: receiver.url(`${path}?access_token=tok-${path.slice(1)}`),
    secret: SECRET,
    levels,
    enabled,
  };
};
const wecom = (path: string, levels: string[] = ['yellow', 'orange', 'red']) => ({
  kind: 'wecom',
  webhookUrl: receiver.url(`${path}?key=key-${path.slice(1)}`),
  levels,
  enabled: true,
});

/** A worker of "another replica": its own pool over the same table, as a second process would have. */
async function otherReplica(over: { leaseMs?: number; concurrency?: number } = {}) {
  const ds = makeNotificationsDataSource(stores.db.url, 4);
  await ds.initialize();
  const worker = new DeliveryWorker(
    ds,
    channelAdapters(config),
    app.get(PersonalDataCipher),
    {
      workerId: `replica-${randomUUID().slice(0, 8)}`,
      concurrency: over.concurrency ?? 4,
      leaseMs: over.leaseMs ?? config.DELIVERY_LEASE_MS,
      pollMs: 20,
      maxAttempts: MAX_ATTEMPTS,
      backoffMs: config.backoffMs,
    },
    () => undefined,
  );
  return { worker, ds, id: worker.id };
}

beforeAll(async () => {
  [stores, receiver] = await Promise.all([TestStores.start(), Receiver.start()]);
  config = loadNotificationsConfig(
    stores.env({
      SMS_GATEWAY_URL: receiver.url('/sms'),
      SMS_GATEWAY_KEY: SMS_KEY,
      DELIVERY_TIMEOUT_MS: String(TIMEOUT_MS),
      DELIVERY_LEASE_MS: '2000',
      DELIVERY_POLL_MS: '50',
      DELIVERY_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
      DELIVERY_BACKOFF_MS: '100,200',
      DELIVERY_CONCURRENCY: '4',
    }),
  );
  app = await bootService(NotificationsModule.forRoot(config), 'notifications', stores);
  db = app.get(DataSource);
  rpc = stores.rpc();
  await answering(rpc);
});

afterAll(async () => {
  await app?.close();
  await receiver?.close();
  await stores?.close();
});

describe('sending SLA warnings and breaches', () => {
  it('sends a warning to each enabled channel listening to its level, DingTalk signed (加签)', async () => {
    const agencyId = randomUUID();
    await setChannels(agencyId, [
      dingtalk('/ding-a', ['orange', 'red']),
      wecom('/wecom-a', ['yellow', 'orange', 'red']),
      { kind: 'sms', phones: ['13800138000'], levels: ['red'], enabled: true },
      dingtalk('/ding-a-off', ['orange'], false),
    ]);
    const event = warned(agencyId);
    await stores.publish(SlaClockWarnedV1, event);
    const done = await settled(agencyId, 2, (d) => d.status === 'delivered');
    expect(done.map((d) => d.channelKind).sort()).toEqual(['dingtalk', 'wecom']);
    expect(done[0]).toMatchObject({
      clockId: event.clockId,
      caseNumber: event.caseNumber,
      level: 'orange',
      attempts: 1,
    });

    const text = renderSlaMessage(event, 'orange');
    const [ding] = receiver.on('/ding-a');
    expect(ding.signatureOk).toBe(true);
    expect(ding.query.get('access_token')).toBe('tok-ding-a');
    expect(Math.abs(Number(ding.query.get('timestamp')) - Date.now())).toBeLessThan(60_000);
    expect(ding.body).toEqual({ msgtype: 'text', text: { content: text } });
    expect(text).toMatch(
      /^【枫桥Hub 橙灯预警】案件 QZ-2026-000123 签收 将于 \d+月\d+日 \d\d:\d\d 到期（已用 80%），责任单位：弥河镇人民调解委员会$/,
    );
    const [wc] = receiver.on('/wecom-a');
    expect(wc.query.get('key')).toBe('key-wecom-a');
    expect(wc.body).toEqual({ msgtype: 'text', text: { content: text } });
    expect(receiver.on('/ding-a-off')).toHaveLength(0);
    expect(receiver.on('/sms')).toHaveLength(0);
  });

  it('sends a breach as 红灯, SMS through the gateway with an X-Signature over the body', async () => {
    const agencyId = randomUUID();
    await setChannels(agencyId, [
      wecom('/wecom-b', ['orange']),
      { kind: 'sms', phones: ['13800138000', '+8613912345678'], levels: ['red'], enabled: true },
    ]);
    const event = breached(agencyId);
    const smsBefore = receiver.on('/sms').length;
    await stores.publish(SlaClockBreachedV1, event);
    const [sms] = await settled(agencyId, 1, (d) => d.status === 'delivered');
    expect(sms).toMatchObject({ channelKind: 'sms', level: 'red', attempts: 1 });
    const hits = receiver.on('/sms').slice(smsBefore);
    expect(hits).toHaveLength(1);
    const hit = hits[0];
    expect(hit.headers['x-signature']).toBe(createHmac('sha256', SMS_KEY).update(hit.raw).digest('hex'));
    expect(hit.body).toEqual({
      phones: ['13800138000', '13912345678'],
      text: renderSlaMessage(event, 'red'),
      timestamp: expect.any(Number),
    });
    expect(receiver.on('/wecom-b')).toHaveLength(0);
  });

  it('sends an event delivered twice (same message id) once', async () => {
    const agencyId = randomUUID();
    await setChannels(agencyId, [wecom('/wecom-dup')]);
    const event = warned(agencyId);
    const msgId = randomUUID();
    await stores.publish(SlaClockWarnedV1, event, msgId);
    await settled(agencyId, 1, (d) => d.status === 'delivered');
    // A relay that re-publishes within the window: JetStream drops it.
    await stores.publish(SlaClockWarnedV1, event, msgId);
    // After the window (shrunk here to 100 ms), JetStream stores it again: the inbox must drop it.
    const stream = await stores.jsm.streams.info('DISPATCH_EVENTS');
    await stores.jsm.streams.update('DISPATCH_EVENTS', { ...stream.config, duplicate_window: 100 * 1e6 });
    try {
      const seqBefore = (await stores.jsm.streams.info('DISPATCH_EVENTS')).state.last_seq;
      await eventually(
        async () => {
          await stores.publish(SlaClockWarnedV1, event, msgId);
          return (await stores.jsm.streams.info('DISPATCH_EVENTS')).state.last_seq;
        },
        (seq) => seq > seqBefore,
        10000,
      );
      const consumer = 'notifications__sla-clock-warned';
      await eventually(
        () => stores.jsm.consumers.info('DISPATCH_EVENTS', consumer),
        (c) => c.num_pending === 0 && c.num_ack_pending === 0,
      );
      expect(
        (await stores.jsm.consumers.info('DISPATCH_EVENTS', consumer)).delivered.stream_seq,
      ).toBeGreaterThan(seqBefore);
    } finally {
      await stores.jsm.streams.update('DISPATCH_EVENTS', stream.config);
    }
    await new Promise((r) => setTimeout(r, 300));
    expect((await list({ agencyId })).total).toBe(1);
    expect(receiver.on('/wecom-dup')).toHaveLength(1);
  });

  it('retries a failing robot with backoff (HTTP 500, then errcode 130101) and ends delivered at attempt 3', async () => {
    const agencyId = randomUUID();
    receiver.script('/ding-flaky', [
      { status: 500, body: { message: 'internal error' } },
      { status: 200, body: { errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' } },
    ]);
    await setChannels(agencyId, [dingtalk('/ding-flaky')]);
    await stores.publish(SlaClockWarnedV1, warned(agencyId));
    const [d] = await settled(agencyId, 1, (x) => x.status === 'delivered');
    expect(d.attempts).toBe(3);
    expect(d.lastError).toBeUndefined();
    const hits = receiver.on('/ding-flaky');
    expect(hits).toHaveLength(3);
    expect(hits.every((h) => h.signatureOk)).toBe(true);
    // Backoff: 100 ms, then 200 ms (the test's DELIVERY_BACKOFF_MS).
    expect(hits[1].at - hits[0].at).toBeGreaterThanOrEqual(90);
    expect(hits[2].at - hits[1].at).toBeGreaterThanOrEqual(190);
  });

  it('gives up after the last attempt and keeps the last error', async () => {
    const agencyId = randomUUID();
    receiver.script('/wecom-down', [], {
      status: 200,
      body: { errcode: 45009, errmsg: 'api freq out of limit' },
    });
    await setChannels(agencyId, [wecom('/wecom-down')]);
    await stores.publish(SlaClockBreachedV1, breached(agencyId));
    const [d] = await settled(agencyId, 1, (x) => x.status === 'failed');
    expect(d.attempts).toBe(MAX_ATTEMPTS);
    expect(d.lastError).toBe(
      `WeCom robot at ${new URL(receiver.origin).host}: errcode 45009 api freq out of limit`,
    );
    expect(receiver.on('/wecom-down')).toHaveLength(MAX_ATTEMPTS);
    const [row] = await db.query<{ last_error: string }[]>(
      'SELECT last_error FROM notifications.deliveries WHERE id = $1',
      [d.id],
    );
    expect(row.last_error).not.toMatch(/key-|access_token/);
  });

  it('does not retry what cannot succeed: a 404 webhook, a DingTalk sign mismatch', async () => {
    const agencyId = randomUUID();
    receiver.script('/wecom-gone', [], { status: 404, body: { message: 'no such robot' } });
    await setChannels(agencyId, [
      wecom('/wecom-gone'),
      { ...dingtalk('/ding-badsign'), secret: 'SEC0000000000wrong' },
    ]);
    await stores.publish(SlaClockWarnedV1, warned(agencyId));
    const done = await settled(agencyId, 2, (x) => x.status === 'failed');
    expect(done.map((d) => d.attempts)).toEqual([1, 1]);
    expect(done.map((d) => d.lastError).sort()).toEqual([
      expect.stringMatching(/^DingTalk robot at 127\.0\.0\.1:\d+: errcode 310000 sign not match$/),
      expect.stringMatching(/^WeCom robot at 127\.0\.0\.1:\d+: HTTP 404 /),
    ]);
  });

  it('times a hung webhook out without holding up another channel’s delivery', async () => {
    const agencyId = randomUUID();
    receiver.script('/ding-hung', [], 'hang');
    await setChannels(agencyId, [dingtalk('/ding-hung'), wecom('/wecom-fine')]);
    await stores.publish(SlaClockWarnedV1, warned(agencyId));
    const page = await eventually(
      () => list({ agencyId }),
      (p) => p.items.some((d) => d.channelKind === 'wecom' && d.status === 'delivered'),
    );
    const fine = page.items.find((d) => d.channelKind === 'wecom')!;
    // The WeCom message went out while the DingTalk call was still waiting for its answer.
    const [hungCall] = receiver.on('/ding-hung');
    expect(Date.parse(fine.deliveredAt!) - hungCall.at).toBeLessThan(TIMEOUT_MS);
    expect(fine.attempts).toBe(1);
    const timedOut = await eventually(
      () => list({ agencyId, status: 'pending' }),
      (p) => p.items.length === 1 && p.items[0].lastError !== undefined,
    );
    expect(timedOut.items[0].lastError).toMatch(
      /^DingTalk robot at 127\.0\.0\.1:\d+: no answer within 500 ms$/,
    );
    const [failed] = await settled(agencyId, 2, (d) => d.status !== 'pending').then((all) =>
      all.filter((d) => d.channelKind === 'dingtalk'),
    );
    expect(failed).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
  });
});

describe('several workers over one table', () => {
  const appWorker = () => app.get(DeliveryWorkerService).worker;

  it('never sends a row twice while its lease holds, however many replicas claim', async () => {
    const agencyId = randomUUID();
    receiver.script('/wecom-many', [], { status: 200, body: { errcode: 0, errmsg: 'ok' }, delayMs: 15 });
    await setChannels(agencyId, [wecom('/wecom-many')]);
    await appWorker().stop();
    const replicas = [await otherReplica(), await otherReplica()];
    try {
      const events = Array.from({ length: 40 }, (_, i) =>
        warned(agencyId, { caseNumber: `QZ-2026-${String(i).padStart(6, '0')}` }),
      );
      for (const e of events) await stores.publish(SlaClockWarnedV1, e);
      await settled(agencyId, 40, (d) => d.status === 'pending');
      // This process's worker and two replicas all compete for the same 40 rows.
      appWorker().start();
      for (const r of replicas) r.worker.start();
      const done = await settled(agencyId, 40, (d) => d.status === 'delivered');
      expect(done.every((d) => d.attempts === 1)).toBe(true);
      const sent = receiver
        .on('/wecom-many')
        .map((h) => (h.body as { text: { content: string } }).text.content);
      expect(sent).toHaveLength(40);
      expect(new Set(sent).size).toBe(40);
      const byWorker = await db.query<{ claimed_by: string; n: number }[]>(
        'SELECT claimed_by, count(*)::int AS n FROM notifications.deliveries WHERE agency_id = $1 GROUP BY claimed_by',
        [agencyId],
      );
      expect(byWorker.reduce((s, r) => s + r.n, 0)).toBe(40);
      expect(byWorker.length).toBeGreaterThan(1);
    } finally {
      for (const r of replicas) {
        await r.worker.stop();
        await r.ds.destroy();
      }
      appWorker().start();
    }
  });

  it('lets another replica retry a row whose worker died mid-call, once its lease has run out', async () => {
    const agencyId = randomUUID();
    await setChannels(agencyId, [wecom('/wecom-orphan')]);
    await appWorker().stop();
    const crashed = await otherReplica({ leaseMs: 400 });
    const survivor = await otherReplica();
    try {
      await stores.publish(SlaClockWarnedV1, warned(agencyId));
      await settled(agencyId, 1, (d) => d.status === 'pending');
      // The crashed worker claimed the row and never got to send it (nor to record anything).
      const claimed = await crashed.worker.claim(10);
      expect(claimed).toHaveLength(1);
      const claimedAt = Date.now();
      survivor.worker.start();
      const [d] = await settled(agencyId, 1, (x) => x.status === 'delivered');
      expect(Date.now() - claimedAt).toBeGreaterThanOrEqual(350);
      expect(d.attempts).toBe(2);
      expect(receiver.on('/wecom-orphan')).toHaveLength(1);
      const [row] = await db.query<{ claimed_by: string }[]>(
        'SELECT claimed_by FROM notifications.deliveries WHERE id = $1',
        [d.id],
      );
      expect(row.claimed_by).toBe(survivor.id);
      // Were the dead worker to come back after its lease (a live one cannot: its call times out
      // within half the lease), its outcome is refused: its claim token is no longer the row's.
      expect(await crashed.worker.deliver(claimed[0])).toBe('lease-lost');
      expect(receiver.on('/wecom-orphan')).toHaveLength(2);
      expect((await list({ agencyId })).items[0]).toMatchObject({ status: 'delivered', attempts: 2 });
    } finally {
      for (const r of [crashed, survivor]) {
        await r.worker.stop();
        await r.ds.destroy();
      }
      appWorker().start();
    }
  });
});

describe('the delivery list', () => {
  it('pages and filters by agency, clock and status, for an admin, a coordinator and a leader in scope', async () => {
    const agencyId = randomUUID();
    receiver.script('/wecom-list-bad', [], {
      status: 400,
      body: { errcode: 93000, errmsg: 'invalid webhook url' },
    });
    await setChannels(agencyId, [wecom('/wecom-list'), { ...wecom('/wecom-list-bad') }]);
    const events = [
      warned(agencyId),
      warned(agencyId, { level: 'yellow', thresholdPercent: 50 }),
      breached(agencyId),
    ];
    await stores.publish(SlaClockWarnedV1, events[0]);
    await stores.publish(SlaClockWarnedV1, events[1]);
    await stores.publish(SlaClockBreachedV1, events[2]);
    await settled(agencyId, 6, (d) => d.status !== 'pending');

    const page1 = await list({ agencyId, pageSize: 4 });
    const page2 = await list({ agencyId, pageSize: 4, page: 2 });
    expect([page1.total, page1.items.length, page2.items.length]).toEqual([6, 4, 2]);
    expect(new Set([...page1.items, ...page2.items].map((d) => d.id)).size).toBe(6);
    expect((await list({ agencyId, status: 'failed' })).items.map((d) => d.status)).toEqual([
      'failed',
      'failed',
      'failed',
    ]);
    const byClock = await list({ clockId: events[2].clockId });
    expect(byClock.items.map((d) => d.level)).toEqual(['red', 'red']);

    expect((await list({ agencyId }, COORDINATOR)).total).toBe(6);
    expect((await list({ agencyId }, LEADER)).total).toBe(6);
    expect((await list({ agencyId }, OTHER_LEADER)).total).toBe(0);
    for (const actor of [CLERK, REPORTER]) {
      const e = await failure(list({ agencyId }, actor));
      expect([e.status, e.code]).toEqual([403, 'FORBIDDEN']);
    }
    const bad = await failure(list({ status: 'lost', pageSize: 1000 }));
    expect(bad.status).toBe(400);
  });
});
