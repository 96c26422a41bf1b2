import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { createScratchDatabase, type ScratchDatabase } from '@fengqiao/database';
import { freePort, HubProcesses, NatsServerProcess } from '@fengqiao/hub-process';
import { eventually } from '@fengqiao/testing';

export const DEMO_PASSWORD = 'Fengqiao-demo-2026';

const REPO_ROOT = resolve(__dirname, '../../../..');

export interface HttpResult<T = any> {
  status: number;
  body: T;
  ms: number;
}

/**
 * The whole hub as real processes on a scratch database and a private nats-server, seeded with
 * the demo city. Logs: .data/e2e-logs/<run>/<service>.log.
 */
export class TestHub {
  private constructor(
    readonly db: ScratchDatabase,
    readonly nats: NatsServerProcess,
    readonly hub: HubProcesses,
    readonly sql: Client,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<TestHub> {
    const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const [db, nats, port] = await Promise.all([
      createScratchDatabase(base, 'fq_e2e'),
      NatsServerProcess.start(),
      freePort(),
    ]);
    for (const seed of [
      'apps/dispatch/dist/seed/seed-demo-city.cli.js',
      'apps/identity/dist/seed/seed-demo-users.cli.js',
      'apps/police-mediation/dist/seed/seed-demo.cli.js',
      'apps/people-mediation/dist/seed/seed-demo.cli.js',
      'apps/lawyer-mediation/dist/seed/seed-demo.cli.js',
    ]) {
      execFileSync(process.execPath, [resolve(REPO_ROOT, seed)], {
        env: { ...process.env, DATABASE_URL: db.url },
        stdio: 'pipe',
      });
    }
    const run = new Date().toISOString().replace(/[:.]/g, '-');
    const hub = new HubProcesses({
      repoRoot: REPO_ROOT,
      env: {
        DATABASE_URL: db.url,
        NATS_URL: nats.url,
        LOG_LEVEL: 'info',
        RPC_TIMEOUT_MS: '1500',
        HEALTH_TIMEOUT_MS: '1000',
        JETSTREAM_ACK_WAIT_MS: '4000',
        ...env,
      },
      logDir: resolve(REPO_ROOT, '.data/e2e-logs', run),
      port,
    });
    await hub.startAll(90000);
    const sql = new Client({ connectionString: db.url });
    await sql.connect();
    return new TestHub(db, nats, hub, sql);
  }

  private readonly tokens = new Map<string, string>();

  /** Signs a demo user in (once) and returns its access token. */
  async token(username: string): Promise<string> {
    if (!this.tokens.has(username)) {
      const s = await this.anonymous('POST', '/api/v1/auth/login', { username, password: DEMO_PASSWORD });
      if (s.status !== 200)
        throw new Error(`cannot sign ${username} in: ${s.status} ${JSON.stringify(s.body)}`);
      this.tokens.set(username, s.body.accessToken);
    }
    return this.tokens.get(username)!;
  }

  /** A request as a demo user. */
  async as<T = any>(
    username: string,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    return this.anonymous<T>(method, path, body, {
      authorization: `Bearer ${await this.token(username)}`,
      ...headers,
    });
  }

  /** A request as the 黄楼 coordinator, who does most of the flow. */
  http<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.as<T>('coordinator.huanglou', method, path, body, headers);
  }

  async anonymous<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<HttpResult<T>> {
    const started = Date.now();
    const res = await fetch(`${this.hub.baseUrl}${path}`, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(30000),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, ms: Date.now() - started };
  }

  /** A GET of a file (PDF, .xlsx) as a demo user: the bytes and the content type. */
  async binary(
    username: string,
    path: string,
  ): Promise<{ status: number; body: Buffer; contentType: string }> {
    const res = await fetch(`${this.hub.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${await this.token(username)}` },
      signal: AbortSignal.timeout(60000),
    });
    return {
      status: res.status,
      body: Buffer.from(await res.arrayBuffer()),
      contentType: (res.headers.get('content-type') ?? '').split(';')[0],
    };
  }

  /** Waits (as the coordinator) until a referral shows in an agency's inbox, i.e. came through JetStream. */
  async inboxHas(agencyId: string, referralId: string): Promise<void> {
    const page = await eventually(
      () => this.http('GET', `/api/v1/agencies/${agencyId}/referrals?pageSize=100`),
      (r) => r.body.items?.some((x: { id: string }) => x.id === referralId),
    );
    if (!page.body.items?.some((x: { id: string }) => x.id === referralId))
      throw new Error(`referral ${referralId} never reached ${agencyId}`);
  }

  /** Everything the hub has written down: a data dump of its database, every service log, the JetStream store. */
  everythingWritten(): string {
    const dump = execFileSync('pg_dump', ['--data-only', '--no-owner', `--dbname=${this.db.url}`], {
      maxBuffer: 256 * 1024 * 1024,
    }).toString('utf8');
    const logs = readdirSync(this.hub.logDir).map((f) => readFileSync(join(this.hub.logDir, f), 'utf8'));
    const store = filesUnder(this.nats.storeDir).map((f) => readFileSync(f).toString('latin1'));
    return [dump, ...logs, ...store].join('\n');
  }

  async count(query: string, params: unknown[] = []): Promise<number> {
    const r = await this.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${query}) q`, params);
    return r.rows[0].n;
  }

  async stop(): Promise<void> {
    await this.sql.end().catch(() => undefined);
    await this.hub.stopAll();
    await Promise.all([this.db.drop(), this.nats.destroy()]);
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
