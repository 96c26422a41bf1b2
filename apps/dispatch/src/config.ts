import { IsOptional, IsString } from 'class-validator';
import { CommonEnv, loadConfig } from '@fengqiao/config';

export const SERVICE_NAME = 'dispatch';
export const SCHEMA = 'dispatch';

export class DispatchEnv extends CommonEnv {
  /** Parties' personal data keys (docs/security.md); development keys when unset outside production. */
  @IsOptional()
  @IsString()
  PII_KEYS?: string;

  @IsOptional()
  @IsString()
  PII_ACTIVE_KEY_ID?: string;

  @IsOptional()
  @IsString()
  PII_HASH_KEY?: string;
}

export const loadDispatchConfig = (env: Record<string, string | undefined> = process.env) =>
  loadConfig(DispatchEnv, env);
