import {
  DiscardPolicy,
  RetentionPolicy,
  StorageType,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import { EVENT_STREAMS } from '@fengqiao/contracts';

export const DEAD_LETTER_STREAM = 'DEAD_LETTERS';
export const deadLetterSubject = (durable: string) => `deadletter.${durable}`;

const DAY_NS = 24 * 60 * 60 * 1e9;

/** Stream configs derived from the event registry: explicit subjects, deduplication window, replicas. */
export function streamConfigs(replicas: number): (Partial<StreamConfig> & { name: string })[] {
  const eventStreams = Object.entries(EVENT_STREAMS).map(([name, contracts]) => ({
    name,
    subjects: contracts.map((c) => c.subject),
  }));
  return [...eventStreams, { name: DEAD_LETTER_STREAM, subjects: ['deadletter.>'] }].map((s) => ({
    ...s,
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    num_replicas: replicas,
    max_age: 30 * DAY_NS,
    // A relay that crashed after publishing and before marking re-publishes within this window.
    duplicate_window: 10 * 60 * 1e9,
  }));
}

/** Creates or updates every stream; safe to call from every replica at every start. */
export async function ensureStreams(jsm: JetStreamManager, replicas: number): Promise<void> {
  for (const config of streamConfigs(replicas)) {
    const name = config.name;
    const existing = await jsm.streams.info(name).catch(() => null);
    if (!existing) {
      await jsm.streams.add(config).catch(async (e: Error) => {
        // Another replica created it between our info and add.
        if (!(await jsm.streams.info(name).catch(() => null))) throw e;
      });
      continue;
    }
    const have = new Set(existing.config.subjects ?? []);
    const want = config.subjects ?? [];
    const drifted =
      want.some((s) => !have.has(s)) ||
      existing.config.num_replicas !== config.num_replicas ||
      existing.config.duplicate_window !== config.duplicate_window ||
      existing.config.max_age !== config.max_age;
    if (drifted) {
      // Subjects are only ever added: an old subject may still hold messages someone replays.
      await jsm.streams.update(name, {
        ...existing.config,
        ...config,
        subjects: [...new Set([...have, ...want])],
      });
    }
  }
}
