'use strict';
// The breach events as a consumer sees them: an ordered JetStream consumer on the breach subject,
// each message stamped with this process's clock as it arrives, and what the outbox rows say about
// where each event spent its time.
const { summarize, percentile } = require('../lib/stats');

const STREAM = 'DISPATCH_EVENTS';
const SUBJECT = 'dispatch.sla_clock.breached.v1';

/**
 * Starts an ordered consumer (deliver new) on the breach subject and returns once the server has
 * it, so nothing published afterwards is missed. Every message is recorded with its arrival time
 * (Date.now() before anything else is done with it), its JetStream store time and its payload.
 */
async function listenForBreaches(natsUrl, namePrefix) {
  const { connect } = require('@nats-io/transport-node');
  const { jetstream, jetstreamManager, DeliverPolicy } = require('@nats-io/jetstream');
  const nc = await connect({ servers: natsUrl.split(','), name: `${namePrefix}-listener`, timeout: 5000 });
  const js = jetstream(nc);
  const jsm = await jetstreamManager(nc);
  const before = new Set(await consumerNames(jsm));
  const consumer = await js.consumers.get(STREAM, {
    name_prefix: namePrefix,
    filter_subjects: SUBJECT,
    deliver_policy: DeliverPolicy.New,
  });
  const messages = await consumer.consume({ max_messages: 2000 });
  const received = [];
  const seen = new Set();
  let notify = null;
  const errors = [];
  const done = (async () => {
    for await (const m of messages) {
      const receivedAt = Date.now();
      try {
        const e = m.json();
        seen.add(e.clockId);
        received.push({
          receivedAt,
          // The moment JetStream stored it (ns since the epoch, as a BigInt).
          storedAt: Number(m.timestampNanos / 1000n) / 1000,
          streamSeq: m.seq,
          messageId: m.headers?.get('Nats-Msg-Id') || null,
          clockId: e.clockId,
          reachedAt: Date.parse(e.reachedAt),
          firedAt: Date.parse(e.firedAt),
        });
      } catch (e) {
        errors.push(e.message);
      }
      notify?.(received[received.length - 1]?.clockId);
    }
  })().catch((e) => errors.push(e.message));
  // The ordered consumer is created on the server by its first pull: wait until it is there.
  const deadline = Date.now() + 10000;
  for (;;) {
    const now = await consumerNames(jsm);
    if (now.some((n) => !before.has(n) && n.startsWith(namePrefix))) break;
    if (Date.now() > deadline)
      throw new Error(`the ordered consumer on ${STREAM} was not created within 10 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    received,
    errors,
    /** Resolves true once every one of `ids` has arrived, false after `timeoutMs`. */
    waitForClocks(ids, timeoutMs) {
      const remaining = new Set(ids.filter((id) => !seen.has(id)));
      if (remaining.size === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          notify = null;
          resolve(false);
        }, timeoutMs);
        notify = (clockId) => {
          remaining.delete(clockId);
          if (remaining.size > 0) return;
          clearTimeout(timer);
          notify = null;
          resolve(true);
        };
      });
    },
    async close() {
      notify = null;
      await messages.close().catch(() => undefined);
      await done.catch(() => undefined);
      await nc.close();
    },
  };
}

async function consumerNames(jsm) {
  const out = [];
  for await (const c of jsm.consumers.list(STREAM)) out.push(c.name);
  return out;
}

/** The outbox rows of the received events: when the sweep's transaction began and the relay's. */
async function outboxTimes(pool, messageIds) {
  const { rows } = await pool.query(
    `SELECT message_id::text AS id,
            extract(epoch FROM occurred_at) * 1000 AS occurred_at,
            extract(epoch FROM published_at) * 1000 AS published_at
       FROM dispatch.outbox WHERE message_id = ANY($1::uuid[])`,
    [messageIds],
  );
  return new Map(
    rows.map((r) => [r.id, { occurredAt: Number(r.occurred_at), publishedAt: Number(r.published_at) }]),
  );
}

/**
 * What the database says about the burst's clocks after the run: each should have one 'breached'
 * step, fired_percent 100 and nothing left to fire.
 */
async function firedInDatabase(pool, ids) {
  const { rows } = await pool.query(
    `SELECT count(*)::int AS clocks,
            count(*) FILTER (WHERE c.fired_percent = 100 AND c.next_fire_at IS NULL)::int AS fired,
            count(*) FILTER (WHERE s.n = 1)::int AS one_step,
            count(*) FILTER (WHERE s.n > 1)::int AS more_steps,
            coalesce(sum(o.n), 0)::int AS outbox_rows
       FROM dispatch.sla_clocks c
       LEFT JOIN LATERAL (SELECT count(*) AS n FROM dispatch.sla_clock_steps s
                           WHERE s.clock_id = c.id AND s.step = 'breached') s ON true
       LEFT JOIN LATERAL (SELECT count(*) AS n FROM dispatch.outbox o
                           WHERE o.subject = $2 AND o.payload->>'clockId' = c.id::text
                             AND o.occurred_at >= now() - interval '1 hour') o ON true
      WHERE c.id = ANY($1::uuid[])`,
    [ids, SUBJECT],
  );
  return rows[0];
}

/**
 * The figures of one measured burst. `events` are the received messages, `burstIds` the clocks of
 * the burst, `trickleIds` the generated clocks that fell due in the window, `due` the burst's due
 * moment (ms), `outbox` the outbox times by message id.
 */
function analyse({ events, burstIds, trickleIds, due, outbox }) {
  const burst = new Set(burstIds);
  const trickle = new Set(trickleIds);
  const seen = new Map();
  for (const e of events) seen.set(e.clockId, (seen.get(e.clockId) ?? 0) + 1);
  const duplicates = [...seen.values()].reduce((a, n) => a + (n > 1 ? n - 1 : 0), 0);
  const missingBurst = burstIds.filter((id) => !seen.has(id)).length;
  const missingTrickle = trickleIds.filter((id) => !seen.has(id)).length;
  // The first arrival of each clock counts for the lag; duplicates are counted above.
  const first = new Map();
  for (const e of events) if (!first.has(e.clockId)) first.set(e.clockId, e);
  const burstEvents = [...first.values()].filter((e) => burst.has(e.clockId));
  const trickleEvents = [...first.values()].filter((e) => trickle.has(e.clockId));
  const lag = (xs) => describe(xs.map((e) => e.receivedAt - e.reachedAt));
  const lastArrival = burstEvents.length ? maxOf(burstEvents.map((e) => e.receivedAt)) : null;
  const firstArrival = burstEvents.length ? minOf(burstEvents.map((e) => e.receivedAt)) : null;

  // Where the time went, per burst event: the stages add up to its lag.
  const staged = burstEvents
    .map((e) => ({ e, o: e.messageId ? outbox.get(e.messageId) : undefined }))
    .filter((x) => x.o && Number.isFinite(x.o.publishedAt));
  const stage = (f) => describe(staged.map(f));
  const stages = {
    n: staged.length,
    'due → sweep began (firedAt)': stage(({ e }) => e.firedAt - e.reachedAt),
    "sweep began → relay's transaction began (outbox published_at)": stage(
      ({ e, o }) => o.publishedAt - e.firedAt,
    ),
    'relay began → stored in JetStream': stage(({ e, o }) => e.storedAt - o.publishedAt),
    'stored → received by this client': stage(({ e }) => e.receivedAt - e.storedAt),
  };

  // The sweeps that fired the burst (one per distinct firedAt) and the relay's batches (one per
  // published_at), relative to the due moment.
  const sweeps = groupBy(burstEvents, (e) => e.firedAt).map(([firedAt, xs]) => {
    const os = xs.map((e) => outbox.get(e.messageId)).filter(Boolean);
    return {
      beganMs: firedAt - due,
      breaches: xs.length,
      txBeganMs: os.length ? minOf(os.map((o) => o.occurredAt)) - due : null,
      firstRelayedMs: os.length ? minOf(os.map((o) => o.publishedAt)) - due : null,
      lastReceivedMs: maxOf(xs.map((e) => e.receivedAt)) - due,
    };
  });
  const batches = groupBy(
    staged.map(({ e, o }) => ({ ...e, publishedAt: o.publishedAt })),
    (e) => e.publishedAt,
  ).map(([publishedAt, xs]) => ({
    beganMs: publishedAt - due,
    events: xs.length,
    firstStoredMs: minOf(xs.map((e) => e.storedAt)) - due,
    lastStoredMs: maxOf(xs.map((e) => e.storedAt)) - due,
  }));

  return {
    received: events.length,
    burst: {
      n: burstIds.length,
      arrived: burstEvents.length,
      missing: missingBurst,
      lagMs: lag(burstEvents),
      firstArrivalMs: firstArrival === null ? null : firstArrival - due,
      lastArrivalMs: lastArrival === null ? null : lastArrival - due,
      perSecond: lastArrival === null ? null : burstEvents.length / ((lastArrival - due) / 1000),
    },
    trickle: {
      n: trickleIds.length,
      arrived: trickleEvents.length,
      missing: missingTrickle,
      lagMs: lag(trickleEvents),
    },
    duplicates,
    otherEvents: events.filter((e) => !burst.has(e.clockId) && !trickle.has(e.clockId)).length,
    stages,
    sweeps,
    batches,
  };
}

const maxOf = (xs) => xs.reduce((a, b) => (b > a ? b : a), -Infinity);
const minOf = (xs) => xs.reduce((a, b) => (b < a ? b : a), Infinity);

function describe(values) {
  const s = summarize(values);
  const sorted = Float64Array.from(values).sort();
  return { ...s, p95: percentile(sorted, 95), min: sorted.length ? sorted[0] : null };
}

function groupBy(xs, key) {
  const m = new Map();
  for (const x of xs) {
    const k = key(x);
    if (!m.has(k)) m.set(k, []);
    m.get(k).push(x);
  }
  return [...m].sort((a, b) => a[0] - b[0]);
}

module.exports = { listenForBreaches, outboxTimes, firedInDatabase, analyse, SUBJECT, STREAM };
