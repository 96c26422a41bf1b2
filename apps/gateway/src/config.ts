import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
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

  /** The secret identity signs access tokens with (docs/security.md). */
  @IsOptional()
  @IsString()
  AUTH_JWT_SECRET?: string;
}

export const loadGatewayConfig = (env: Record<string, string | undefined> = process.env) =>
  loadConfig(GatewayEnv, env);
