import { randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { CaseRegisteredV1, ReferralIssuedV1 } from '@fengqiao/contracts';
import { createScratchDatabase, type ScratchDatabase } from '@fengqiao/database';
import { NatsServerProcess } from '@fengqiao/hub-process';
import {
  connectNats,
  DEAD_LETTER_STREAM,
  DurableConsumer,
  ensureStreams,
  MESSAGING_ENTITIES,
  Outbox,
  OutboxMessage,
  OutboxRelay,
  streamOf,
  type ConsumerSpec,
  type EventContext,
} from '../src';

/** What a handler did: one row per applied event. */
@Entity({ name: 'effects' })
class Effect {
  @PrimaryColumn('varchar') id!: string;
  @Column('varchar') consumer!: string;
}

const SCHEMA = 'msg_test';
const BASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let db: ScratchDatabase;
let dataSource: DataSource;
let nats: NatsServerProcess;
let nc: NatsConnection;
let js: JetStreamClient;
let jsm: JetStreamManager;
const outbox = new Outbox(SCHEMA);

function caseRegistered(): CaseRegisteredV1 {
  return Object.assign(new CaseRegisteredV1(), {
    caseId: randomUUID(),
    caseNumber: '370781-2026-000001',
    disputeType: 'neighbour',
    jurisdictionCode: '370781007201',
    channel: 'walk_in',
    registeredAt: new Date().toISOString(),
    registeredBy: { id: 'u1', name: '张三', role: 'coordinator' },
  });
}

async function streamMessages(stream: string): Promise<number> {
  return (await jsm.streams.info(stream)).state.messages;
}

async function eventually<T>(probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const log = () => undefined;

/** The dead letter a consumer wrote, once it has. */
const deadLetterOf = (durable: string) =>
  eventually(
    () =>
      jsm.streams.getMessage(DEAD_LETTER_STREAM, { last_by_subj: `deadletter.${durable}` }).catch(() => null),
    (m) => m !== null,
  );

function consumerFor(
  name: string,
  handle: ConsumerSpec['handle'],
  extra: Partial<ConsumerSpec> = {},
): DurableConsumer {
  return new DurableConsumer(
    js,
    jsm,
    dataSource,
    {
      stream: streamOf(CaseRegisteredV1),
      durable: name,
      contract: CaseRegisteredV1,
      maxAttempts: 3,
      handle,
      ...extra,
    },
    log,
  );
}

const recordEffect = (consumer: string) => async (event: object, ctx: EventContext) => {
  await ctx.manager.insert(Effect, { id: `${consumer}:${(event as CaseRegisteredV1).caseId}`, consumer });
};

beforeAll(async () => {
  [db, nats] = await Promise.all([createScratchDatabase(BASE_URL, 'fq_msg'), NatsServerProcess.start()]);
  dataSource = new DataSource({
    type: 'postgres',
    url: db.url,
    schema: SCHEMA,
    entities: [...MESSAGING_ENTITIES, Effect],
    synchronize: false,
  });
  await dataSource.initialize();
  await dataSource.query(`CREATE SCHEMA ${SCHEMA}`);
  await dataSource.synchronize();
  nc = await connectNats('messaging-test', [nats.url]);
  js = jetstream(nc);
  jsm = await jetstreamManager(nc);
  await ensureStreams(jsm, 1);
});

afterAll(async () => {
  await nc?.close();
  await dataSource?.destroy();
  await Promise.all([db?.drop(), nats?.destroy()]);
});

describe('outbox and relay', () => {
  it('publishes a committed event once, with the outbox id as Nats-Msg-Id, even when re-published after a lost mark', async () => {
    const relay = new OutboxRelay(dataSource, js, { schema: SCHEMA, databaseUrl: db.url });
    const before = await streamMessages('DISPATCH_EVENTS');
    const messageId = await dataSource.transaction((m) => outbox.add(m, CaseRegisteredV1, caseRegistered()));

    expect(await relay.relayOnce()).toBe(1);
    expect(await relay.relayOnce()).toBe(0);
    expect(await streamMessages('DISPATCH_EVENTS')).toBe(before + 1);
    const stored = await jsm.streams.getMessage('DISPATCH_EVENTS', {
      last_by_subj: CaseRegisteredV1.subject,
    });
    expect(stored?.header.get('Nats-Msg-Id')).toBe(messageId);

    // A relay that crashed after publishing but before marking the row publishes it again:
    await dataSource.getRepository(OutboxMessage).update({ messageId }, { publishedAt: null });
    expect(await relay.relayOnce()).toBe(1);
    expect(await streamMessages('DISPATCH_EVENTS')).toBe(before + 1); // dropped by the duplicate window
  });

  it('publishes nothing for a transaction that rolled back', async () => {
    const relay = new OutboxRelay(dataSource, js, { schema: SCHEMA, databaseUrl: db.url });
    await expect(
      dataSource.transaction(async (m) => {
        await outbox.add(m, CaseRegisteredV1, caseRegistered());
        throw new Error('the command failed after writing its event');
      }),
    ).rejects.toThrow('the command failed');
    expect(await relay.relayOnce()).toBe(0);
  });

  it('refuses an event that breaks its contract, so the command fails instead of a consumer later', async () => {
    const bad = { ...caseRegistered(), caseId: 'not-a-uuid' };
    await expect(dataSource.transaction((m) => outbox.add(m, CaseRegisteredV1, bad))).rejects.toThrow(
      /caseId/,
    );
  });

  it('only one relay publishes at a time, so two replicas keep the order', async () => {
    const a = new OutboxRelay(dataSource, js, { schema: SCHEMA, databaseUrl: db.url });
    const b = new OutboxRelay(dataSource, js, { schema: SCHEMA, databaseUrl: db.url });
    for (let i = 0; i < 20; i++)
      await dataSource.transaction((m) => outbox.add(m, CaseRegisteredV1, caseRegistered()));
    const [x, y] = await Promise.all([a.relayOnce(), b.relayOnce()]);
    expect(x + y).toBe(20);
    expect([x, y]).toContain(0);
  });

  it('wakes on NOTIFY and publishes within moments of the commit', async () => {
    const relay = new OutboxRelay(dataSource, js, {
      schema: SCHEMA,
      databaseUrl: db.url,
      pollIntervalMs: 60000,
    });
    await relay.start();
    try {
      const before = await streamMessages('DISPATCH_EVENTS');
      await dataSource.transaction((m) => outbox.add(m, CaseRegisteredV1, caseRegistered()));
      const after = await eventually(
        () => streamMessages('DISPATCH_EVENTS'),
        (n) => n === before + 1,
        5000,
      );
      expect(after).toBe(before + 1);
    } finally {
      await relay.stop();
    }
  });

  it('listens again after its LISTEN connection is cut, so commits still wake it at once', async () => {
    const relay = new OutboxRelay(dataSource, js, {
      schema: SCHEMA,
      databaseUrl: db.url,
      pollIntervalMs: 60000,
    });
    await relay.start();
    try {
      expect(relay.listening).toBe(true);
      await dataSource.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'outbox-listener' AND datname = current_database()`,
      );
      expect(
        await eventually(
          async () => relay.listening,
          (l) => !l,
          5000,
        ),
      ).toBe(false);
      expect(
        await eventually(
          async () => relay.listening,
          (l) => l,
          10000,
        ),
      ).toBe(true);
      const before = await streamMessages('DISPATCH_EVENTS');
      await dataSource.transaction((m) => outbox.add(m, CaseRegisteredV1, caseRegistered()));
      expect(
        await eventually(
          () => streamMessages('DISPATCH_EVENTS'),
          (n) => n === before + 1,
          5000,
        ),
      ).toBe(before + 1);
    } finally {
      await relay.stop();
    }
  });
});

describe('durable consumer', () => {
  // A new durable consumer starts at the beginning of its stream: start each test from an empty one.
  beforeEach(async () => {
    await jsm.streams.purge('DISPATCH_EVENTS');
    await jsm.streams.purge('AGENCY_EVENTS');
  });

  async function publish(event: object, msgID = randomUUID()) {
    await js.publish(CaseRegisteredV1.subject, JSON.stringify(event), { msgID });
    return msgID;
  }

  it('applies a redelivered message once (inbox row in the same transaction)', async () => {
    const name = 'idempotent';
    const consumer = consumerFor(name, recordEffect(name));
    await consumer.ensure();
    const event = caseRegistered();
    await publish(event);
    const jsConsumer = await js.consumers.get(streamOf(CaseRegisteredV1), name);
    const m = await jsConsumer.next({ expires: 5000 });
    expect(m).not.toBeNull();
    await consumer.process(m!);
    await consumer.process(m!); // the same delivery again, as after a lost ack
    expect(await dataSource.getRepository(Effect).countBy({ consumer: name })).toBe(1);
  });

  it('retries a failing handler with backoff until it succeeds', async () => {
    const name = 'flaky';
    let calls = 0;
    const consumer = consumerFor(name, async (event, ctx) => {
      calls += 1;
      if (calls < 3) throw new Error('database hiccup');
      await recordEffect(name)(event, ctx);
    });
    await consumer.ensure();
    consumer.start();
    try {
      await publish(caseRegistered());
      const n = await eventually(
        () => dataSource.getRepository(Effect).countBy({ consumer: name }),
        (c) => c === 1,
      );
      expect(n).toBe(1);
      expect(calls).toBe(3);
    } finally {
      await consumer.stop();
    }
  });

  it('dead-letters a message that keeps failing, with the reason, after maxAttempts', async () => {
    const name = 'doomed';
    const consumer = consumerFor(
      name,
      async () => {
        throw new Error('always broken');
      },
      { maxAttempts: 2 },
    );
    await consumer.ensure();
    consumer.start();
    try {
      const msgID = await publish(caseRegistered());
      const dead = await deadLetterOf(name);
      expect(dead?.header.get('Original-Msg-Id')).toBe(msgID);
      expect(dead?.header.get('Attempts')).toBe('2');
      expect(dead?.header.get('Error')).toContain('always broken');
    } finally {
      await consumer.stop();
    }
  });

  it('dead-letters a payload that breaks the contract at once, without calling the handler', async () => {
    const name = 'poison';
    let calls = 0;
    const consumer = consumerFor(name, async () => {
      calls += 1;
    });
    await consumer.ensure();
    consumer.start();
    try {
      await publish({ caseId: 42 });
      const dead = await deadLetterOf(name);
      expect(dead?.header.get('Attempts')).toBe('1');
      expect(calls).toBe(0);
    } finally {
      await consumer.stop();
    }
  });

  it('with a signing key, applies events the relay signed and dead-letters unsigned ones', async () => {
    const key = 'the-hub-signing-key-for-this-test-only!';
    const name = 'signed-only';
    const consumer = consumerFor(name, recordEffect(name), { signingKey: key });
    await consumer.ensure();
    consumer.start();
    try {
      const relay = new OutboxRelay(dataSource, js, { schema: SCHEMA, databaseUrl: db.url, signingKey: key });
      const genuine = caseRegistered();
      await dataSource.transaction((m) => outbox.add(m, CaseRegisteredV1, genuine));
      await relay.relayOnce();
      const forged = caseRegistered();
      const forgedId = await publish(forged); // straight onto the bus, no signature
      const effects = await eventually(
        () => dataSource.getRepository(Effect).findBy({ consumer: name }),
        (r) => r.length >= 1,
      );
      expect(effects.map((e) => e.id)).toEqual([`${name}:${genuine.caseId}`]);
      const dead = await deadLetterOf(name);
      expect(dead?.header.get('Original-Msg-Id')).toBe(forgedId);
      expect(dead?.header.get('Error')).toContain('not signed');
    } finally {
      await consumer.stop();
    }
  });

  it('acknowledges filtered-out messages without a transaction or an inbox row', async () => {
    const name = 'filtered';
    const consumer = new DurableConsumer(
      js,
      jsm,
      dataSource,
      {
        stream: streamOf(ReferralIssuedV1),
        durable: name,
        contract: ReferralIssuedV1,
        maxAttempts: 3,
        filter: (e) => (e as ReferralIssuedV1).agencyKind === 'people',
        handle: async (e, ctx) => {
          await ctx.manager.insert(Effect, { id: (e as ReferralIssuedV1).referralId, consumer: name });
        },
      },
      log,
    );
    await consumer.ensure();
    consumer.start();
    try {
      const base = {
        caseId: randomUUID(),
        caseNumber: '370781-2026-000002',
        caseTitle: '测试',
        disputeType: 'neighbour',
        jurisdictionCode: '370781007201',
        agencyId: randomUUID(),
        issuedAt: new Date().toISOString(),
        issuedBy: { id: 'u1', name: '张三', role: 'coordinator' },
      };
      await js.publish(
        ReferralIssuedV1.subject,
        JSON.stringify({ ...base, referralId: randomUUID(), agencyKind: 'police' }),
      );
      const mine = randomUUID();
      await js.publish(
        ReferralIssuedV1.subject,
        JSON.stringify({ ...base, referralId: mine, agencyKind: 'people' }),
      );
      const effects = await eventually(
        () => dataSource.getRepository(Effect).findBy({ consumer: name }),
        (r) => r.length === 1,
      );
      expect(effects.map((e) => e.id)).toEqual([mine]);
      const info = await eventually(
        () => jsm.consumers.info(streamOf(ReferralIssuedV1), name),
        (i) => i.num_ack_pending === 0 && i.num_pending === 0,
      );
      expect(info.num_ack_pending).toBe(0);
      const inboxRows = (await dataSource.query(
        `SELECT count(*)::int AS n FROM ${SCHEMA}.inbox WHERE consumer = $1`,
        [name],
      )) as { n: number }[];
      expect(inboxRows[0].n).toBe(1);
    } finally {
      await consumer.stop();
    }
  });
});
