import { Logger, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { Objm, type ObjectStore } from '@nats-io/obj';
import type { NatsConnection } from '@nats-io/transport-node';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Response } from 'express';
import { natsServers } from '@fengqiao/config';
import {
  AGENCY_SERVICE,
  agencySubjects,
  LEDGER_EXPORTS_BUCKET,
  XLSX_CONTENT_TYPE,
  type AgencyKind,
  type LedgerExportCommand,
  type LedgerExportView,
} from '@fengqiao/contracts';
import { HubError } from '@fengqiao/errors';
import { connectNats, RpcClient } from '@fengqiao/messaging';
import { attachment } from '../http/attachment';
import type { GatewayEnv } from '../config';
import type { RequestActor } from '../http/access';
import { ACTOR_SIGNING_KEY, NATS_CLIENT } from '../http/service-client';

/** A year's ledger takes the agency service a while to write: longer than an ordinary request may. */
export const LEDGER_EXPORT_TIMEOUT_MS = 120_000;

/**
 * Asks the agency service for a ledger export, then streams it from the LEDGER_EXPORTS object store
 * to the HTTP response chunk by chunk (never the whole file in memory), and removes it once sent.
 */
export class LedgerDownloads implements OnApplicationShutdown {
  private readonly logger = new Logger('LedgerDownloads');
  private readonly rpc: RpcClient;
  private connection: Promise<NatsConnection> | null = null;

  constructor(
    client: ClientProxy,
    signingKey: string,
    private readonly servers: string[],
  ) {
    this.rpc = new RpcClient(client, LEDGER_EXPORT_TIMEOUT_MS, signingKey);
  }

  export(kind: AgencyKind, actor: RequestActor, body: LedgerExportCommand): Promise<LedgerExportView> {
    return this.rpc.request(AGENCY_SERVICE[kind], agencySubjects(kind).ledgerExport, actor, body);
  }

  async send(exported: LedgerExportView, res: Response): Promise<void> {
    const store = await this.store();
    const object = await store.get(exported.objectName);
    if (!object) {
      // Written moments ago and kept for an hour: missing means the store lost it.
      throw new HubError(
        503,
        'SERVICE_UNAVAILABLE',
        'the ledger export could not be read back; try again',
        '工作台账导出文件读取失败，请重试',
      );
    }
    res.status(200);
    res.setHeader('Content-Type', XLSX_CONTENT_TYPE);
    res.setHeader(
      'Content-Disposition',
      attachment(exported.filename, exported.filename.replace('工作台账', 'ledger')),
    );
    res.setHeader('Content-Length', String(object.info.size));
    res.setHeader('X-Content-SHA256', exported.sha256);
    res.setHeader('X-Ledger-Rows', String(exported.rows));
    try {
      await pipeline(Readable.fromWeb(object.data as WebReadableStream), res);
      const failed = await object.error;
      if (failed) throw failed;
      await store.delete(exported.objectName);
    } catch (e) {
      // The headers are gone: all that is left is to cut the response short, so it is not taken as whole.
      this.logger.warn({ err: e }, `ledger download ${exported.objectName} broke off`);
      res.destroy();
    }
  }

  private async store(): Promise<ObjectStore> {
    this.connection ??= connectNats('gateway-ledger', this.servers).catch((e: unknown) => {
      this.connection = null;
      throw e;
    });
    return new Objm(await this.connection).open(LEDGER_EXPORTS_BUCKET);
  }

  async onApplicationShutdown(): Promise<void> {
    const nc = await this.connection?.catch(() => null);
    if (nc && !nc.isClosed()) await nc.drain();
  }
}

/** The provider app.module registers: the gateway's NATS client and key, and its own connection for the store. */
export const ledgerDownloads = (config: GatewayEnv): Provider => ({
  provide: LedgerDownloads,
  useFactory: (client: ClientProxy, signingKey: string) =>
    new LedgerDownloads(client, signingKey, natsServers(config.NATS_URL)),
  inject: [NATS_CLIENT, ACTOR_SIGNING_KEY],
});
