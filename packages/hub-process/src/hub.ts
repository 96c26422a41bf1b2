import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join, resolve } from 'node:path';

/** The services of the hub, in the order they start (the gateway last, so /health can go green). */
export const HUB_SERVICES = [
  'dispatch',
  'police-mediation',
  'judicial-mediation',
  'people-mediation',
  'lawyer-mediation',
  'identity',
  'notifications',
  'gateway',
] as const;
export type HubService = (typeof HUB_SERVICES)[number];

export interface HubOptions {
  repoRoot: string;
  env: Record<string, string>;
  /** Where each service's log goes: <logDir>/<service>.log (appended across restarts). */
  logDir: string;
  port: number;
  services?: readonly HubService[];
}

interface Running {
  child: ChildProcess;
  exited: Promise<string>;
  log: WriteStream;
}

/** How a process ended: its exit code, or the signal that ended it. */
const howItEnded = (child: ChildProcess) => child.signalCode ?? String(child.exitCode);

/**
 * Runs the hub's services as real OS processes: start, wait until /health is green, stop
 * gracefully (SIGTERM) or crash (SIGKILL) one of them, and restart it. Used by `npm start`,
 * the end-to-end tests and the benchmarks.
 */
export class HubProcesses {
  private readonly running = new Map<HubService, Running>();
  private readonly ended = new Map<HubService, string>();

  constructor(private readonly options: HubOptions) {
    mkdirSync(options.logDir, { recursive: true });
  }

  get logDir(): string {
    return this.options.logDir;
  }

  logFile(service: HubService): string {
    return join(this.options.logDir, `${service}.log`);
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  async startAll(timeoutMs = 60000): Promise<void> {
    for (const service of this.options.services ?? HUB_SERVICES) this.start(service);
    await this.waitHealthy(timeoutMs);
  }

  start(service: HubService, extraEnv: Record<string, string> = {}): void {
    if (this.running.has(service)) throw new Error(`${service} is already running`);
    const log = createWriteStream(this.logFile(service), { flags: 'a' });
    const child = spawn(
      process.execPath,
      [resolve(this.options.repoRoot, 'apps', service, 'dist', 'main.js')],
      {
        env: { ...process.env, ...this.options.env, PORT: String(this.options.port), ...extraEnv },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    const exited = new Promise<string>((r) => child.once('exit', () => r(howItEnded(child))));
    this.running.set(service, { child, exited, log });
    this.ended.delete(service);
    void exited.then((how) => {
      if (this.running.get(service)?.child === child) {
        this.running.delete(service);
        this.ended.set(service, how);
      }
      log.end();
    });
  }

  /** Graceful stop: SIGTERM, then wait for the process to drain and exit; says how it ended. */
  async stop(service: HubService, timeoutMs = 20000): Promise<string> {
    const r = this.running.get(service);
    if (!r) return this.ended.get(service) ?? 'not running';
    r.child.kill('SIGTERM');
    const timer = setTimeout(() => r.child.kill('SIGKILL'), timeoutMs);
    const code = await r.exited;
    clearTimeout(timer);
    return code;
  }

  /** A crash: SIGKILL, no chance to finish anything. */
  async kill(service: HubService): Promise<void> {
    const r = this.running.get(service);
    if (!r) return;
    r.child.kill('SIGKILL');
    await r.exited;
  }

  /** Waits for a service to exit on its own (e.g. killed by a failpoint); returns its signal or code. */
  async waitExit(service: HubService, timeoutMs = 30000): Promise<string> {
    const r = this.running.get(service);
    if (!r) return this.ended.get(service) ?? 'not running';
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${service} did not exit within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([r.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  pid(service: HubService): number | undefined {
    return this.running.get(service)?.child.pid;
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.running.keys()].map((s) => this.stop(s)));
  }

  /** Polls the gateway's /health until it answers 200. */
  async waitHealthy(timeoutMs = 60000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = 'no answer';
    while (Date.now() < deadline) {
      // A service that died (exit code or signal) and was not restarted will never answer.
      for (const [service, how] of this.ended) {
        throw new Error(`${service} exited (${how}); see ${this.logFile(service)}`);
      }
      try {
        const res = await fetch(`${this.baseUrl}/health`, { signal: AbortSignal.timeout(5000) });
        last = `${res.status} ${await res.text()}`;
        if (res.status === 200) return;
      } catch (e) {
        last = (e as Error).message;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`hub not healthy after ${timeoutMs} ms: ${last}`);
  }
}
