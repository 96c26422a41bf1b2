import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Variables every service reads: where the stores are and how loudly to log. */
export class CommonEnv {
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// URL' })
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/fengqiao';

  @Matches(/^(nats:\/\/)?[^\s,]+(,(nats:\/\/)?[^\s,]+)*$/, {
    message: 'must be a comma-separated list of NATS servers',
  })
  NATS_URL: string = 'nats://127.0.0.1:4222';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  /** How long a request to another service may take before the caller gives up with 503. */
  @IsInt()
  @Min(100)
  @Max(60000)
  RPC_TIMEOUT_MS: number = 5000;

  /** How long JetStream waits for an ack before redelivering: after a crash, the delay until redelivery. */
  @IsInt()
  @Min(1000)
  @Max(600000)
  JETSTREAM_ACK_WAIT_MS: number = 30000;

  /** JetStream stream replicas: 1 on one node, 3 on a NATS cluster. */
  @IsInt()
  @Min(1)
  @Max(5)
  NATS_STREAM_REPLICAS: number = 1;

  @IsOptional()
  @IsString()
  NODE_ENV?: string;

  /** HMAC key the gateway signs NATS requests with and services check (docs/security.md). */
  @IsOptional()
  @IsString()
  @MinLength(32)
  ACTOR_SIGNING_KEY?: string;
}

export function natsServers(url: string): string[] {
  return url.split(',').map((s) => s.trim());
}

/** A service that keeps personal data (parties', mediators' or channel phones) also reads its keys. */
export class PersonalDataServiceEnv extends CommonEnv {
  /** `id:base64key[,…]` (docs/security.md); development keys when unset outside production. */
  @IsOptional()
  @IsString()
  PII_KEYS?: string;

  @IsOptional()
  @IsString()
  PII_ACTIVE_KEY_ID?: string;

  /** Shared by every service, so lookup hashes compare across them (the lawyer conflict check). */
  @IsOptional()
  @IsString()
  PII_HASH_KEY?: string;
}
