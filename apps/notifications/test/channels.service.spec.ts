import { randomUUID } from 'node:crypto';
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
import type { HubError } from '@fengqiao/errors';
import type { RpcClient } from '@fengqiao/messaging';
import { bootService, eventually, failure, TestStores } from '@fengqiao/testing';
import { NotificationsModule } from '../src/app.module';
import { loadNotificationsConfig } from '../src/config';
import { ADMIN, answering, breached, CLERK, COORDINATOR, LEADER, warned } from './fixtures';

// This service runs without an SMS gateway (SMS_GATEWAY_URL unset) and sends to nowhere real.
let stores: TestStores;
let app: INestMicroservice;
let rpc: RpcClient;
let db: DataSource;

const DING_TOKEN = 'd1n9t4lk0accesst0ken';
const DING_SECRET = 'SECa1b2c3d4e5f6a7b8c9d0';
const WECOM_KEY = '693axxx6-7aoc-4bc4-97a0-0ec2sifa5aaa';
const PHONE = '13800138000';

const send = <T>(subject: string, body: object, actor: object = ADMIN) =>
  rpc.request<T>('notifications', subject, actor as typeof ADMIN, body);
const setChannels = (agencyId: string, channels: object[], actor: object = ADMIN) =>
  send<NotificationChannelView[]>(NotificationSubjects.channelSet, { agencyId, channels }, actor);
const listChannels = (agencyId: string, actor: object = ADMIN) =>
  send<NotificationChannelView[]>(NotificationSubjects.channelList, { agencyId }, actor);
const deliveries = (query: object, actor: object = ADMIN) =>
  send<Page<DeliveryView>>(NotificationSubjects.deliveryList, query, actor);

const threeChannels = [
  {
    kind: 'dingtalk',
    webhookUrl: `https://oapi.dingtalk.com/robot/send?access_token=${DING_TOKEN}`,
    secret: DING_SECRET,
    levels: ['orange', 'red'],
    enabled: true,
  },
  {
    kind: 'wecom',
    webhookUrl: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${WECOM_KEY}`,
    levels: ['yellow', 'orange', 'red'],
    enabled: false,
  },
  { kind: 'sms', phones: [PHONE, '+8613912345678'], levels: ['red'], enabled: true },
];

beforeAll(async () => {
  stores = await TestStores.start();
  const config = loadNotificationsConfig(stores.env({ DELIVERY_POLL_MS: '50' }));
  app = await bootService(NotificationsModule.forRoot(config), 'notifications', stores);
  db = app.get(DataSource);
  rpc = stores.rpc();
  await answering(rpc);
});

afterAll(async () => {
  await app?.close();
  await stores?.close();
});

describe('notification channels', () => {
  it('replaces an agency’s channels and shows them masked to an admin', async () => {
    const agencyId = randomUUID();
    const saved = await setChannels(agencyId, threeChannels);
    expect(saved.map((c) => c.kind)).toEqual(['dingtalk', 'wecom', 'sms']);
    for (const actor of [ADMIN]) {
      const listed = await listChannels(agencyId, actor);
      expect(listed).toEqual(saved);
      expect(listed[0]).toMatchObject({
        kind: 'dingtalk',
        webhook: 'https://oapi.dingtalk.com',
        hasSecret: true,
        levels: ['orange', 'red'],
        enabled: true,
      });
      expect(listed[1]).toMatchObject({
        webhook: 'https://qyapi.weixin.qq.com',
        hasSecret: false,
        enabled: false,
      });
      expect(listed[2]).toMatchObject({ phones: ['138****8000', '139****5678'], hasSecret: false });
      expect(listed[2].webhook).toBeUndefined();
      const shown = JSON.stringify(listed);
      for (const clear of [DING_TOKEN, DING_SECRET, WECOM_KEY, PHONE, '13912345678'])
        expect(shown).not.toContain(clear);
    }
    // As a whole: the next set leaves only what it names.
    await setChannels(agencyId, [threeChannels[2]]);
    expect((await listChannels(agencyId)).map((c) => c.kind)).toEqual(['sms']);
    await setChannels(agencyId, []);
    expect(await listChannels(agencyId)).toEqual([]);
  });

  it('keeps webhooks, secrets and phones only as ciphertext at rest', async () => {
    const agencyId = randomUUID();
    await setChannels(agencyId, threeChannels);
    const rows = await db.query<Record<string, unknown>[]>(
      'SELECT row_to_json(c)::text AS json, webhook_cipher, secret_cipher, phones_cipher FROM notifications.channels c WHERE agency_id = $1',
      [agencyId],
    );
    expect(rows).toHaveLength(3);
    const dump = rows.map((r) => r.json).join('\n');
    for (const clear of [
      DING_TOKEN,
      DING_SECRET,
      WECOM_KEY,
      PHONE,
      '13912345678',
      'robot/send',
      'webhook/send',
    ])
      expect(dump).not.toContain(clear);
    expect(rows[0]).toMatchObject({
      webhook_cipher: expect.stringMatching(/^v1:dev:[\w-]+:[\w-]+:[\w-]+$/),
      secret_cipher: expect.stringMatching(/^v1:dev:/),
    });
    expect(rows.find((r) => r.phones_cipher)?.phones_cipher).toMatch(/^v1:dev:/);
  });

  it('answers 422 naming channels[i].field in English and Chinese when a kind lacks or carries the wrong fields', async () => {
    const e = await failure(
      setChannels(randomUUID(), [
        {
          kind: 'dingtalk',
          webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=x',
          levels: ['red'],
          enabled: true,
        },
        { kind: 'wecom', levels: ['red'], enabled: true },
        { kind: 'sms', phones: [PHONE], secret: DING_SECRET, levels: ['red'], enabled: true },
      ]),
    );
    expect([e.status, e.code]).toEqual([422, 'UNPROCESSABLE']);
    expect(e.fields?.map((f) => f.field)).toEqual([
      'channels[0].secret',
      'channels[1].webhookUrl',
      'channels[2].secret',
    ]);
    expect(e.fields?.[1]).toEqual({
      field: 'channels[1].webhookUrl',
      reason: 'a wecom channel needs a webhook URL',
      reasonZh: '企业微信机器人渠道必须填写Webhook 地址',
    });
    expect(e.messageZh).toContain('channels[0].secret：钉钉机器人渠道必须填写加签密钥');
    expect(JSON.stringify(e)).not.toContain(DING_SECRET);
  });

  it('answers 400 for input the request class refuses (not a mobile, unknown level, unknown field)', async () => {
    const e = await failure(
      setChannels(randomUUID(), [
        { kind: 'sms', phones: ['12345'], levels: ['purple'], enabled: true, extra: 1 },
      ]),
    );
    expect([e.status, e.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(e.fields?.map((f) => f.field)).toEqual(
      expect.arrayContaining(['channels[0].phones', 'channels[0].levels', 'channels[0].extra']),
    );
  });

  it('lets only an admin set channels and see them', async () => {
    const agencyId = randomUUID();
    for (const actor of [COORDINATOR, LEADER, CLERK]) {
      const e = await failure(setChannels(agencyId, [threeChannels[2]], actor));
      expect([e.status, e.code]).toEqual([403, 'FORBIDDEN']);
    }
    for (const actor of [COORDINATOR, LEADER, CLERK])
      expect((await failure(listChannels(agencyId, actor))).status).toBe(403);
    expect(await listChannels(agencyId)).toEqual([]);
  });

  it('audits every channel change, carried out or refused, naming the agency and never the values', async () => {
    const agencyId = randomUUID();
    await setChannels(agencyId, threeChannels);
    await failure(setChannels(agencyId, [threeChannels[2]], COORDINATOR));
    await failure(setChannels(agencyId, [{ kind: 'wecom', levels: ['red'], enabled: true }]));
    const rows = await db.query<{ action: string; actor_id: string; target: string; result: string }[]>(
      'SELECT action, actor_id, target, result FROM notifications.audit_log WHERE target = $1 ORDER BY seq',
      [agencyId],
    );
    expect(rows.map((r) => [r.action, r.actor_id, r.result])).toEqual([
      [NotificationSubjects.channelSet, ADMIN.id, 'ok'],
      [NotificationSubjects.channelSet, COORDINATOR.id, '403 FORBIDDEN'],
      [NotificationSubjects.channelSet, ADMIN.id, '422 UNPROCESSABLE'],
    ]);
    const all = JSON.stringify(await db.query('SELECT * FROM notifications.audit_log'));
    for (const clear of [DING_TOKEN, DING_SECRET, PHONE]) expect(all).not.toContain(clear);
  });

  it('refuses a request the gateway did not sign', async () => {
    const unsigned = stores.rpc(5000, null);
    const e = await unsigned
      .request('notifications', NotificationSubjects.channelList, ADMIN, { agencyId: randomUUID() })
      .then(
        () => null,
        (err: HubError) => err,
      );
    expect(e?.status).toBe(401);
  });
});

describe('deliveries without an SMS gateway', () => {
  it('fails an SMS delivery at its first attempt, saying the gateway is not configured', async () => {
    const agencyId = randomUUID();
    await setChannels(agencyId, [threeChannels[2]]);
    const event = breached(agencyId);
    await stores.publish(SlaClockBreachedV1, event);
    const page = await eventually(
      () => deliveries({ agencyId }),
      (p) => p.items.length === 1 && p.items[0].status === 'failed',
    );
    expect(page.items[0]).toMatchObject({
      clockId: event.clockId,
      caseNumber: event.caseNumber,
      level: 'red',
      channelKind: 'sms',
      status: 'failed',
      attempts: 1,
      lastError: expect.stringContaining('no SMS gateway is configured (set SMS_GATEWAY_URL'),
    });
    // The delivery row holds the destination encrypted too, and the message names no party.
    const [raw] = await db.query<{ json: string; message: string }[]>(
      'SELECT row_to_json(d)::text AS json, message FROM notifications.deliveries d WHERE agency_id = $1',
      [agencyId],
    );
    expect(raw.json).not.toContain(PHONE);
    expect(raw.message).toMatch(
      /^【枫桥Hub 超期】案件 QZ-2026-000124 办结 已于 .* 到期未完成，责任单位：弥河镇人民调解委员会；已催办、督办$/,
    );
  });

  it('does not notify events too old to matter, nor a warning whose deadline has already passed', async () => {
    const agencyId = randomUUID();
    await setChannels(agencyId, [{ ...threeChannels[2], levels: ['yellow', 'orange', 'red'] }]);
    const twoDaysAgo = new Date(Date.now() - 48 * 3600_000).toISOString();
    const ids = [
      await stores.publish(SlaClockBreachedV1, breached(agencyId, { firedAt: twoDaysAgo })),
      await stores.publish(
        SlaClockWarnedV1,
        warned(agencyId, { dueAt: new Date(Date.now() - 1000).toISOString() }),
      ),
    ];
    // Both were consumed (inbox rows), and neither made a delivery.
    const handled = await eventually(
      () => db.query<unknown[]>('SELECT 1 FROM notifications.inbox WHERE message_id = ANY($1)', [ids]),
      (r) => r.length === 2,
    );
    expect(handled).toHaveLength(2);
    expect((await deliveries({ agencyId })).total).toBe(0);
  });
});
