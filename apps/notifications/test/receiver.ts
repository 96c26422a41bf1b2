import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Hit {
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  raw: string;
  body: any;
  at: number;
  /** For a DingTalk path: whether the receiver's own recomputation of the 加签 matched. */
  signatureOk?: boolean;
}

/** What the receiver answers: a status and JSON body, or nothing at all (a hung webhook). */
export type Reply = { status: number; body?: unknown; delayMs?: number } | 'hang';

export const OK: Reply = { status: 200, body: { errcode: 0, errmsg: 'ok' } };

/**
 * A local HTTP server playing DingTalk and WeCom robots and the SMS gateway: it records every
 * request, answers from a per-path script, and for DingTalk paths recomputes the 加签 signature
 * from the secret it was told (answering 310000 "sign not match" as DingTalk does when it is wrong).
 */
export class Receiver {
  readonly hits: Hit[] = [];
  private readonly scripts = new Map<string, Reply[]>();
  private readonly fallback = new Map<string, Reply>();
  private readonly secrets = new Map<string, string>();
  private readonly hung = new Set<ServerResponse>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<Receiver> {
    const server = createServer();
    const receiver = new Receiver(server);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () =>
        receiver.handle(req.url ?? '/', req.headers, Buffer.concat(chunks).toString(), res),
      );
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return receiver;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  url(pathAndQuery: string): string {
    return `${this.origin}${pathAndQuery}`;
  }

  /** Answers the next requests on `path` with `replies` in turn, then with `then` (OK by default). */
  script(path: string, replies: Reply[], then: Reply = OK): void {
    this.scripts.set(path, [...replies]);
    this.fallback.set(path, then);
  }

  /** Checks the DingTalk signature of requests on `path` against this secret. */
  dingTalk(path: string, secret: string): void {
    this.secrets.set(path, secret);
  }

  on(path: string): Hit[] {
    return this.hits.filter((h) => h.path === path);
  }

  async close(): Promise<void> {
    for (const res of this.hung) res.destroy();
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }

  private handle(url: string, headers: IncomingHttpHeaders, raw: string, res: ServerResponse): void {
    const u = new URL(url, 'http://receiver');
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      body = raw;
    }
    const hit: Hit = { path: u.pathname, query: u.searchParams, headers, raw, body, at: Date.now() };
    const secret = this.secrets.get(u.pathname);
    if (secret !== undefined) hit.signatureOk = dingTalkSignatureOk(u.searchParams, secret);
    this.hits.push(hit);
    const queue = this.scripts.get(u.pathname);
    let reply: Reply = queue?.length ? queue.shift()! : (this.fallback.get(u.pathname) ?? OK);
    if (hit.signatureOk === false)
      reply = { status: 200, body: { errcode: 310000, errmsg: 'sign not match' } };
    if (reply === 'hang') {
      this.hung.add(res);
      return;
    }
    const { status, body: answer, delayMs } = reply;
    const send = () => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(answer === undefined ? '' : JSON.stringify(answer));
    };
    if (delayMs) setTimeout(send, delayMs);
    else send();
  }
}

/** What DingTalk does with a 加签 robot: HMAC-SHA256("timestamp\nsecret", secret), within an hour. */
function dingTalkSignatureOk(query: URLSearchParams, secret: string): boolean {
  const timestamp = query.get('timestamp');
  const sign = query.get('sign');
  if (!timestamp || !sign || Math.abs(Date.now() - Number(timestamp)) > 3600_000) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest();
  const given = Buffer.from(sign, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
