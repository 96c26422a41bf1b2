import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { CommonEnv, loadConfig } from '@fengqiao/config';

export const SERVICE_NAME = 'gateway';

export class GatewayEnv extends CommonEnv {
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3000;

  /** How long /health waits for each service. */
  @IsInt()
  @Min(100)
  @Max(10000)
  HEALTH_TIMEOUT_MS: number = 2000;

  /** Requests one address may make per minute to this gateway replica. */
  @IsInt()
  @Min(10)
  @Max(1000000)
  RATE_LIMIT_PER_MINUTE: number = 1200;

  /** Browser origins allowed to call the API (comma-separated); none when unset. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s,]+(,https?:\/\/[^\s,]+)*$/, {
    message: 'must be comma-separated http(s) origins',
  })
  CORS_ORIGINS?: string;

  /** The secret identity signs access tokens with (docs/security.md). */
  @IsOptional()
  @IsString()
  AUTH_JWT_SECRET?: string;
}

export const loadGatewayConfig = (env: Record<string, string | undefined> = process.env) =>
  loadConfig(GatewayEnv, env);
