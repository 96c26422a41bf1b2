import { Inject, Injectable } from '@nestjs/common';
import { Objm, StorageType, type ObjectStore } from '@nats-io/obj';
import type { NatsConnection } from '@nats-io/transport-node';
import { LEDGER_EXPORT_TTL_MS, LEDGER_EXPORTS_BUCKET } from '@fengqiao/contracts';
import { NATS_CONNECTION } from '@fengqiao/messaging';
import type { AgencyEnv } from '../config';
import { AGENCY_CONFIG } from '../dispatch-link/dispatch-client';

/**
 * The JetStream Object Store the ledger exports are written to: file-backed, as many replicas as
 * the streams, each object forgotten after an hour (the gateway fetches it at once). Created on
 * first use when missing.
 */
@Injectable()
export class LedgerExportsBucket {
  private bucket: Promise<ObjectStore> | null = null;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(AGENCY_CONFIG) private readonly config: AgencyEnv,
  ) {}

  open(): Promise<ObjectStore> {
    this.bucket ??= new Objm(this.nc)
      .create(LEDGER_EXPORTS_BUCKET, {
        description: '工作台账 exports, fetched once by the gateway',
        ttl: LEDGER_EXPORT_TTL_MS * 1_000_000, // nanoseconds
        replicas: this.config.NATS_STREAM_REPLICAS,
        storage: StorageType.File,
      })
      .catch((e: unknown) => {
        this.bucket = null; // try again next time (NATS may have been restarting)
        throw e;
      });
    return this.bucket;
  }
}
