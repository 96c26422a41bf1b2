import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PersonalDataCipher } from '@fengqiao/pii';
import { CHANNEL_ADAPTERS, type ChannelAdapters } from '../adapters/channel-registry';
import { DeliveryWorker, type DeliveryWorkerOptions } from './delivery-worker';

export const DELIVERY_WORKER_OPTIONS = Symbol('DELIVERY_WORKER_OPTIONS');

export interface DeliveryWorkerSettings extends Omit<DeliveryWorkerOptions, 'workerId'> {
  enabled: boolean;
}

/** Runs this process's delivery worker from start-up until shutdown (after requests have drained). */
@Injectable()
export class DeliveryWorkerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DeliveryWorker');
  readonly worker: DeliveryWorker;

  constructor(
    dataSource: DataSource,
    cipher: PersonalDataCipher,
    @Inject(CHANNEL_ADAPTERS) adapters: ChannelAdapters,
    @Inject(DELIVERY_WORKER_OPTIONS) private readonly settings: DeliveryWorkerSettings,
  ) {
    const workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`.slice(0, 100);
    this.worker = new DeliveryWorker(
      dataSource,
      adapters,
      cipher,
      { ...settings, workerId },
      (level, message, extra = {}) => this.logger[level === 'info' ? 'log' : level](extra, message),
    );
  }

  onApplicationBootstrap(): void {
    if (!this.settings.enabled) {
      this.logger.log('delivery worker off (DELIVERY_WORKER=off): deliveries are recorded, not sent');
      return;
    }
    this.worker.start();
    this.logger.log(
      `delivery worker on: ${this.settings.concurrency} at once, lease ${this.settings.leaseMs} ms, ` +
        `${this.settings.maxAttempts} attempts`,
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker.stop();
  }
}
