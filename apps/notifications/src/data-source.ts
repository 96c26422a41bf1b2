import { AuditEntry } from '@fengqiao/audit';
import { createServiceDataSource } from '@fengqiao/database';
import { MESSAGING_ENTITIES } from '@fengqiao/messaging';
import { NotificationChannelRow } from './channels/channel.entity';
import { SCHEMA, SERVICE_NAME } from './config';
import { Delivery } from './deliveries/delivery.entity';
import { MIGRATIONS } from './migrations';

export const ENTITIES = [NotificationChannelRow, Delivery, ...MESSAGING_ENTITIES, AuditEntry];

export const notificationsDataSourceOptions = (url: string, poolSize?: number) => ({
  url,
  schema: SCHEMA,
  entities: ENTITIES,
  migrations: MIGRATIONS,
  applicationName: SERVICE_NAME,
  poolSize,
});

export const makeNotificationsDataSource = (url: string, poolSize?: number) =>
  createServiceDataSource(notificationsDataSourceOptions(url, poolSize));
