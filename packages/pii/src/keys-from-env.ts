import { createHash } from 'node:crypto';
import type { PersonalDataKeys } from './personal-data-cipher';

export interface PersonalDataEnv {
  /** `id:base64key[,id:base64key…]`, 32-byte keys. */
  PII_KEYS?: string;
  PII_ACTIVE_KEY_ID?: string;
  /** base64, at least 32 bytes. */
  PII_HASH_KEY?: string;
  NODE_ENV?: string;
}

// Derived, published, and therefore worthless as secrets: for development and tests only.
const devKey = (label: string) => createHash('sha256').update(`fengqiao-hub development ${label}`).digest();

/**
 * Reads the keys from the environment. In production all three variables are required; elsewhere
 * missing ones fall back to fixed development keys (and `usesDevelopmentKeys` says so).
 */
export function personalDataKeysFromEnv(env: PersonalDataEnv): {
  keys: PersonalDataKeys;
  usesDevelopmentKeys: boolean;
} {
  const configured = Boolean(env.PII_KEYS || env.PII_HASH_KEY || env.PII_ACTIVE_KEY_ID);
  if (!configured) {
    if (env.NODE_ENV === 'production') {
      throw new Error(
        'PII_KEYS, PII_ACTIVE_KEY_ID and PII_HASH_KEY must be set in production (see docs/security.md)',
      );
    }
    return {
      keys: { keys: { dev: devKey('encryption') }, activeKeyId: 'dev', hashKey: devKey('lookup hash') },
      usesDevelopmentKeys: true,
    };
  }
  if (!env.PII_KEYS || !env.PII_ACTIVE_KEY_ID || !env.PII_HASH_KEY) {
    throw new Error('PII_KEYS, PII_ACTIVE_KEY_ID and PII_HASH_KEY go together: set all three');
  }
  const keys: Record<string, Buffer> = {};
  for (const entry of env.PII_KEYS.split(',')) {
    const [id, b64] = entry.trim().split(':');
    if (!id || !b64) throw new Error('PII_KEYS must be id:base64key[,id:base64key…]');
    keys[id] = Buffer.from(b64, 'base64');
  }
  return {
    keys: { keys, activeKeyId: env.PII_ACTIVE_KEY_ID, hashKey: Buffer.from(env.PII_HASH_KEY, 'base64') },
    usesDevelopmentKeys: false,
  };
}
