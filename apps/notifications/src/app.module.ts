import { Module, type DynamicModule } from '@nestjs/common';
import { PersonalDataModule, ServiceRuntimeModule } from '@fengqiao/service-runtime';
import { CHANNEL_ADAPTERS, channelAdapters } from './adapters/channel-registry';
import { ViolenceRiskAlerts } from './alerts/violence-risk-alerts';
import { ChannelSettings } from './channels/channel-settings';
import { ChannelsHandlers } from './channels/channels.handlers';
import { SCHEMA, SERVICE_NAME, type NotificationsConfig } from './config';
import { ENTITIES } from './data-source';
import { CreateDeliveries, DELIVERY_POLICY } from './deliveries/create-deliveries';
import { DeliveriesHandlers } from './deliveries/deliveries.handlers';
import { DeliveryQueries } from './deliveries/delivery-queries';
import {
  DELIVERY_WORKER_OPTIONS,
  DeliveryWorkerService,
  type DeliveryWorkerSettings,
} from './deliveries/delivery-worker.service';
import { MIGRATIONS } from './migrations';

@Module({})
export class NotificationsModule {
  static forRoot(config: NotificationsConfig): DynamicModule {
    const worker: DeliveryWorkerSettings = {
      enabled: config.DELIVERY_WORKER === 'on',
      concurrency: config.DELIVERY_CONCURRENCY,
      leaseMs: config.DELIVERY_LEASE_MS,
      pollMs: config.DELIVERY_POLL_MS,
      maxAttempts: config.DELIVERY_MAX_ATTEMPTS,
      backoffMs: config.backoffMs,
    };
    return {
      module: NotificationsModule,
      imports: [
        ServiceRuntimeModule.forService({
          serviceName: SERVICE_NAME,
          schema: SCHEMA,
          entities: ENTITIES,
          migrations: MIGRATIONS,
          config,
        }),
        PersonalDataModule.forRoot(config),
      ],
      controllers: [ChannelsHandlers, DeliveriesHandlers],
      providers: [
        { provide: CHANNEL_ADAPTERS, useValue: channelAdapters(config) },
        {
          provide: DELIVERY_POLICY,
          useValue: { maxEventAgeMs: config.DELIVERY_MAX_EVENT_AGE_MINUTES * 60000 },
        },
        { provide: DELIVERY_WORKER_OPTIONS, useValue: worker },
        ChannelSettings,
        CreateDeliveries,
        ViolenceRiskAlerts,
        DeliveryQueries,
        DeliveryWorkerService,
      ],
    };
  }
}
