import { AuditEntry } from '@fengqiao/audit';
import { createServiceDataSource } from '@fengqiao/database';
import { MESSAGING_ENTITIES } from '@fengqiao/messaging';
import { SCHEMA, SERVICE_NAME } from './config';
import { MIGRATIONS } from './migrations';
import { LoginAttempt } from './sessions/login-attempt.entity';
import { RefreshToken } from './sessions/refresh-token.entity';
import { User } from './users/user.entity';

export const ENTITIES = [User, RefreshToken, LoginAttempt, ...MESSAGING_ENTITIES, AuditEntry];

export const identityDataSourceOptions = (url: string) => ({
  url,
  schema: SCHEMA,
  entities: ENTITIES,
  migrations: MIGRATIONS,
  applicationName: SERVICE_NAME,
});

export const makeIdentityDataSource = (url: string) =>
  createServiceDataSource(identityDataSourceOptions(url));
