import { createHash, randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClientProxy } from '@nestjs/microservices';
import { Objm, type ObjectStore } from '@nats-io/obj';
import type { NatsConnection } from '@nats-io/transport-node';
import express from 'express';
import { LEDGER_EXPORTS_BUCKET, XLSX_CONTENT_TYPE, type LedgerExportView } from '@fengqiao/contracts';
import type { HubError } from '@fengqiao/errors';
import { NatsServerProcess } from '@fengqiao/hub-process';
import { connectNats } from '@fengqiao/messaging';
import { LedgerDownloads } from './ledger-downloads';

let nats: NatsServerProcess;
let nc: NatsConnection;
let store: ObjectStore;
let downloads: LedgerDownloads;
let server: Server;
let base: string;
const exports = new Map<string, LedgerExportView>();

beforeAll(async () => {
  nats = await NatsServerProcess.start();
  nc = await connectNats('test', [nats.url]);
  store = await new Objm(nc).create(LEDGER_EXPORTS_BUCKET, { ttl: 3600e9 });
  downloads = new LedgerDownloads({} as ClientProxy, 'unused', [nats.url]);
  const app = express();
  app.get('/ledger/:name', (req, res, next) => {
    downloads.send(exports.get(req.params.name)!, res).catch(next);
  });
  app.use((e: HubError, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    res.status(e.status).json({ error: { code: e.code } });
  });
  server = app.listen(0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.close();
  await downloads?.onApplicationShutdown();
  await nc?.close();
  await nats?.destroy();
});

async function anExport(name: string, bytes: Buffer): Promise<LedgerExportView> {
  await store.putBlob({ name }, bytes);
  const view = {
    bucket: LEDGER_EXPORTS_BUCKET,
    objectName: name,
    filename: '工作台账_2026-01-01_2026-06-30.xlsx',
    rows: 12345,
    sessionRows: 0,
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
  exports.set(name, view);
  return view;
}

describe('ledger downloads', () => {
  it('streams the export from the object store as an .xlsx download with its Chinese filename, then removes it', async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 17); // many object-store chunks
    const view = await anExport('ledger-a', bytes);
    const res = await fetch(`${base}/ledger/ledger-a`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX_CONTENT_TYPE);
    expect(res.headers.get('content-length')).toBe(String(bytes.length));
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="ledger_2026-01-01_2026-06-30.xlsx"; filename*=UTF-8''${encodeURIComponent(view.filename)}`,
    );
    expect(res.headers.get('x-ledger-rows')).toBe('12345');
    const body = Buffer.from(await res.arrayBuffer());
    expect(createHash('sha256').update(body).digest('hex')).toBe(view.sha256);
    // Removed once sent (just after the last byte left).
    const gone = async () => {
      for (let i = 0; i < 100; i++) {
        const info = await store.info('ledger-a');
        if (!info || info.deleted) return true;
        await new Promise((r) => setTimeout(r, 20));
      }
      return false;
    };
    expect(await gone()).toBe(true);
  });

  it('answers 503 when the export is not in the store', async () => {
    exports.set('ledger-missing', {
      ...(await anExport('ledger-b', Buffer.from('x'))),
      objectName: 'ledger-missing',
    });
    const res = await fetch(`${base}/ledger/ledger-missing`);
    expect(res.status).toBe(503);
  });
});
