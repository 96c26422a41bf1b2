import {
  Inject,
  Injectable,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { EVENT_STREAMS, type EventContract } from '@fengqiao/contracts';
import { Outbox } from './outbox/outbox';
import { OutboxRelay } from './outbox/outbox-relay';
import { DurableConsumer, type ConsumerSpec } from './jetstream/durable-consumer';
import {
  DURABLE_EVENT_HANDLER,
  type DurableEventHandlerOptions,
  type EventContext,
} from './jetstream/durable-event-handler.decorator';
import { ensureStreams } from './jetstream/streams';

export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
export const JETSTREAM = Symbol('JETSTREAM');
export const JETSTREAM_MANAGER = Symbol('JETSTREAM_MANAGER');
export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export interface MessagingOptions {
  /** Service name: names the NATS connection and prefixes durable consumer names. */
  serviceName: string;
  schema: string;
  natsServers: string[];
  databaseUrl: string;
  streamReplicas: number;
  ackWaitMs?: number;
  /** ACTOR_SIGNING_KEY: the relay signs events with it, durable consumers require it. */
  signingKey?: string;
  /** Start the outbox relay in this process (off in tests that drive it by hand). */
  relay?: boolean;
}

export function streamOf(contract: EventContract): string {
  for (const [name, contracts] of Object.entries(EVENT_STREAMS)) {
    if ((contracts as readonly EventContract[]).includes(contract)) return name;
  }
  throw new Error(`event ${contract.subject} is in no stream: add it to EVENT_STREAMS`);
}

export async function connectNats(name: string, servers: string[]): Promise<NatsConnection> {
  return connect({
    servers,
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    waitOnFirstConnect: true,
  });
}

/** Starts streams, durable consumers and the outbox relay after the app is up; drains them on shutdown. */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Messaging');
  private consumers: DurableConsumer[] = [];
  private relay: OutboxRelay | null = null;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(JETSTREAM) private readonly js: JetStreamClient,
    @Inject(JETSTREAM_MANAGER) private readonly jsm: JetStreamManager,
    private readonly dataSource: DataSource,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await ensureStreams(this.jsm, this.options.streamReplicas);
    // Object first, message second: that is how pino (behind Nest's Logger) keeps the detail.
    const log = (level: 'info' | 'warn' | 'error', message: string, extra: object = {}) =>
      this.logger[level === 'info' ? 'log' : level](extra, message);
    this.consumers = this.discoverHandlers().map(
      (spec) => new DurableConsumer(this.js, this.jsm, this.dataSource, spec, log),
    );
    for (const consumer of this.consumers) await consumer.ensure();
    for (const consumer of this.consumers) consumer.start();
    if (this.options.relay !== false) {
      this.relay = new OutboxRelay(this.dataSource, this.js, {
        schema: this.options.schema,
        databaseUrl: this.options.databaseUrl,
        log,
        signingKey: this.options.signingKey,
      });
      await this.relay.start();
    }
    this.logger.log(
      `messaging up: ${this.consumers.length} durable consumer(s), relay ${this.relay ? 'on' : 'off'}`,
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.stop()));
    await this.relay?.stop();
    if (!this.nc.isClosed()) await this.nc.drain();
    this.logger.log('messaging drained: consumers and relay stopped, JetStream connection closed');
  }

  private discoverHandlers(): ConsumerSpec[] {
    const specs: ConsumerSpec[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(proto)) {
        const fn = instance[method] as ((event: object, ctx: EventContext) => Promise<void>) | undefined;
        if (typeof fn !== 'function') continue;
        const opts = this.reflector.get<DurableEventHandlerOptions | undefined>(DURABLE_EVENT_HANDLER, fn);
        if (!opts) continue;
        specs.push({
          stream: streamOf(opts.event),
          durable: `${this.options.serviceName}__${opts.name}`,
          contract: opts.event,
          maxAttempts: opts.maxAttempts ?? 8,
          ackWaitMs: this.options.ackWaitMs,
          signingKey: this.options.signingKey,
          filter: opts.filter ? (event) => opts.filter!(event, instance) : undefined,
          handle: (event, ctx) => fn.call(instance, event, ctx),
        });
      }
    }
    return specs;
  }
}

/**
 * JetStream, the outbox and durable event handlers for one service. The service provides its
 * TypeORM DataSource (with OutboxMessage and InboxMessage among its entities).
 */
@Module({})
export class MessagingModule {
  static register(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        {
          provide: NATS_CONNECTION,
          useFactory: () => connectNats(`${options.serviceName}-jetstream`, options.natsServers),
        },
        { provide: JETSTREAM, useFactory: (nc: NatsConnection) => jetstream(nc), inject: [NATS_CONNECTION] },
        {
          provide: JETSTREAM_MANAGER,
          useFactory: (nc: NatsConnection) => jetstreamManager(nc),
          inject: [NATS_CONNECTION],
        },
        { provide: Outbox, useValue: new Outbox(options.schema) },
        MessagingLifecycle,
      ],
      exports: [Outbox, NATS_CONNECTION, JETSTREAM, JETSTREAM_MANAGER],
    };
  }
}
