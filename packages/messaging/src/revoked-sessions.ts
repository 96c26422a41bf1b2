import { Kvm, type KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';

/**
 * Sessions signed out (or ended for a stolen refresh token) before their access tokens expire.
 * Identity writes them to a JetStream KV bucket; every gateway replica watches the bucket, so they
 * all refuse the same tokens within moments. Entries outlive any access token, then expire.
 */
export const REVOKED_SESSIONS_BUCKET = 'revoked_sessions';
const KEEP_MS = 2 * 3600 * 1000; // longer than the longest access token (ACCESS_TOKEN_TTL_S ≤ 1 h)

export function openRevokedSessions(nc: NatsConnection, replicas: number): Promise<KV> {
  return new Kvm(nc).create(REVOKED_SESSIONS_BUCKET, { ttl: KEEP_MS, replicas, history: 1 });
}

export async function revokeSession(kv: KV, sessionId: string, at = new Date()): Promise<void> {
  await kv.put(sessionId, at.toISOString());
}

/** A replica's view of the bucket, kept current by a watch. */
export class RevokedSessions {
  private readonly revokedAt = new Map<string, number>();
  private stopWatch: (() => void) | null = null;
  private stopped = false;

  constructor(private readonly log: (message: string) => void = () => undefined) {}

  /** Starts watching (the bucket's current entries first); resolves once the watch is open. */
  async watch(kv: KV): Promise<void> {
    const entries = await kv.watch();
    this.stopWatch = () => entries.stop();
    void this.follow(kv, entries);
  }

  /**
   * A watch that ends or fails (NATS restarting, say) must not leave this replica accepting
   * signed-out tokens unnoticed: it is opened again, replaying the bucket, until it holds.
   */
  private async follow(kv: KV, entries: Awaited<ReturnType<KV['watch']>>): Promise<void> {
    try {
      for await (const e of entries) {
        if (e.operation === 'PUT') this.revokedAt.set(e.key, Date.parse(e.string()) || Date.now());
        else this.revokedAt.delete(e.key);
        this.prune();
      }
    } catch (e) {
      this.log(`revoked-sessions watch failed: ${(e as Error).message}`);
    }
    for (let delay = 500; !this.stopped; delay = Math.min(delay * 2, 10000)) {
      this.log('revoked-sessions watch ended; opening it again');
      await new Promise((r) => setTimeout(r, delay));
      try {
        await this.watch(kv);
        return;
      } catch (e) {
        this.log(`revoked-sessions watch could not reopen: ${(e as Error).message}`);
      }
    }
  }

  has(sessionId: string | undefined): boolean {
    return sessionId !== undefined && this.revokedAt.has(sessionId);
  }

  stop(): void {
    this.stopped = true;
    this.stopWatch?.();
  }

  private prune(now = Date.now()): void {
    for (const [id, at] of this.revokedAt) if (now - at > KEEP_MS) this.revokedAt.delete(id);
  }
}
