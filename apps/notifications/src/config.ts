import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength } from 'class-validator';
import { PersonalDataServiceEnv, ConfigError, loadConfig } from '@fengqiao/config';

export const SERVICE_NAME = 'notifications';
export const SCHEMA = 'notifications';

export class NotificationsEnv extends PersonalDataServiceEnv {
  /** The SMS gateway SMS channels post to; unset, SMS deliveries fail with a clear, non-retryable error. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  SMS_GATEWAY_URL?: string;

  /** HMAC-SHA256 key of the X-Signature header on every SMS gateway request. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'SMS_GATEWAY_KEY must be at least 16 characters' })
  SMS_GATEWAY_KEY?: string;

  /** One webhook or gateway call may take this long before it counts as a (retryable) failure. */
  @IsInt()
  @Min(100)
  @Max(60000)
  DELIVERY_TIMEOUT_MS: number = 5000;

  /** Deliveries one process sends at once (a slow webhook holds one slot, not the worker). */
  @IsInt()
  @Min(1)
  @Max(200)
  DELIVERY_CONCURRENCY: number = 8;

  /** How long a claimed delivery belongs to its worker; after that another replica may retry it. */
  @IsInt()
  @Min(200)
  @Max(3600000)
  DELIVERY_LEASE_MS: number = 60000;

  /** How often an idle worker looks for due deliveries. */
  @IsInt()
  @Min(10)
  @Max(60000)
  DELIVERY_POLL_MS: number = 1000;

  /** Attempts (the first included) before a delivery is `failed`. */
  @IsInt()
  @Min(1)
  @Max(50)
  DELIVERY_MAX_ATTEMPTS: number = 6;

  /** Wait before the 2nd, 3rd, … attempt, in ms; the last value repeats. */
  @Matches(/^\d+(,\d+)*$/, { message: 'must be comma-separated milliseconds, e.g. 5000,30000,120000' })
  DELIVERY_BACKOFF_MS: string = '5000,30000,120000,600000,1800000';

  /** Events older than this (a late consumer, a replayed stream) are not sent any more. */
  @IsInt()
  @Min(1)
  @Max(30 * 24 * 60)
  DELIVERY_MAX_EVENT_AGE_MINUTES: number = 1440;

  /** `off` keeps this process from sending (it still records deliveries); for tests and maintenance. */
  @IsIn(['on', 'off'])
  DELIVERY_WORKER: 'on' | 'off' = 'on';
}

export interface NotificationsConfig extends NotificationsEnv {
  backoffMs: number[];
}

export function loadNotificationsConfig(
  env: Record<string, string | undefined> = process.env,
): NotificationsConfig {
  const config = loadConfig(NotificationsEnv, env);
  const problems: string[] = [];
  if (config.DELIVERY_LEASE_MS < 2 * config.DELIVERY_TIMEOUT_MS) {
    problems.push(
      `DELIVERY_LEASE_MS: must be at least twice DELIVERY_TIMEOUT_MS (${config.DELIVERY_TIMEOUT_MS}), ` +
        `so a lease never ends while its call may still be running (got ${config.DELIVERY_LEASE_MS})`,
    );
  }
  if (config.SMS_GATEWAY_URL && !config.SMS_GATEWAY_KEY) {
    problems.push('SMS_GATEWAY_KEY: must be set with SMS_GATEWAY_URL, to sign gateway requests (not set)');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.assign(config, { backoffMs: config.DELIVERY_BACKOFF_MS.split(',').map(Number) });
}
