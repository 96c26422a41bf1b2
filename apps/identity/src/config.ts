import { IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import { accessTokenSecret } from '@fengqiao/access-token';
import { CommonEnv, loadConfig } from '@fengqiao/config';

export const SERVICE_NAME = 'identity';
export const SCHEMA = 'identity';

export class IdentityEnv extends CommonEnv {
  /** HS256 secret of access tokens, shared with the gateway that checks them. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'AUTH_JWT_SECRET must be at least 32 characters' })
  AUTH_JWT_SECRET?: string;

  @IsInt()
  @Min(60)
  @Max(3600)
  ACCESS_TOKEN_TTL_S: number = 900;

  @IsInt()
  @Min(3600)
  @Max(30 * 24 * 3600)
  REFRESH_TOKEN_TTL_S: number = 7 * 24 * 3600;

  /** Failed logins in a row that lock an account, and for how long. */
  @IsInt()
  @Min(3)
  @Max(20)
  LOCKOUT_THRESHOLD: number = 5;

  @IsInt()
  @Min(1)
  @Max(24 * 60)
  LOCKOUT_MINUTES: number = 15;

  /** Login attempts one address may make in ten minutes before it is told to wait. */
  @IsInt()
  @Min(5)
  @Max(10000)
  LOGIN_ATTEMPTS_PER_ADDRESS: number = 30;
}

export function loadIdentityConfig(env: Record<string, string | undefined> = process.env) {
  const config = loadConfig(IdentityEnv, env);
  return Object.assign(config, { AUTH_JWT_SECRET: accessTokenSecret(config) });
}
