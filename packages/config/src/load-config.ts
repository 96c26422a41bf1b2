import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

/** Thrown at start-up when the environment is wrong; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

function describe(errors: ValidationError[], source: Record<string, unknown>): string[] {
  return errors.flatMap((e) => {
    const got = source[e.property];
    const shown = got === undefined ? 'not set' : `got ${JSON.stringify(got)}`;
    return Object.values(e.constraints ?? {}).map((reason) => `${e.property}: ${reason} (${shown})`);
  });
}

/**
 * Validates the environment once, at start, into a typed object.
 * Env classes declare their variables with class-validator decorators and defaults as initialisers.
 */
// Env classes must annotate each field with its type: implicit conversion reads design:type.
export function loadConfig<T extends object>(
  envClass: new () => T,
  env: Record<string, string | undefined> = process.env,
): T {
  const config = plainToInstance(envClass, env, {
    enableImplicitConversion: true,
    exposeDefaultValues: true,
  });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) throw new ConfigError(describe(errors, env));
  return config;
}
