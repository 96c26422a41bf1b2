import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The gateway signs every request it sends on NATS: the subject, when, who (the actor and the
 * caller's address) and the body. A service trusts the actor, and so its role and scope, only when
 * the signature holds and is fresh, so nothing else on the bus can act as a user.
 */
export interface SignedFields {
  subject: string;
  issuedAt: number;
  actor: unknown;
  body: unknown;
  origin?: string;
}

const canonical = (f: SignedFields) =>
  JSON.stringify([f.subject, f.issuedAt, f.actor, f.body, f.origin ?? null]);

export function signRequest(fields: SignedFields, key: string): string {
  return createHmac('sha256', key).update(canonical(fields)).digest('base64url');
}

export type RequestCheck = 'ok' | 'unsigned' | 'bad signature' | 'stale';

export function checkRequest(
  fields: SignedFields,
  signature: unknown,
  key: string,
  maxAgeMs = 60000,
  now = Date.now(),
): RequestCheck {
  if (typeof signature !== 'string' || typeof fields.issuedAt !== 'number') return 'unsigned';
  const expected = Buffer.from(signRequest(fields, key), 'base64url');
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad signature';
  if (Math.abs(now - fields.issuedAt) > maxAgeMs) return 'stale';
  return 'ok';
}

// Published and therefore worthless as a secret: only where NODE_ENV is not production.
export const DEVELOPMENT_ACTOR_SIGNING_KEY =
  'fengqiao-hub development actor signing key (never in production)';

export function actorSigningKey(env: { ACTOR_SIGNING_KEY?: string; NODE_ENV?: string }): string {
  if (env.ACTOR_SIGNING_KEY) {
    if (env.ACTOR_SIGNING_KEY.length < 32)
      throw new Error('ACTOR_SIGNING_KEY must be at least 32 characters');
    return env.ACTOR_SIGNING_KEY;
  }
  if (env.NODE_ENV === 'production') throw new Error('ACTOR_SIGNING_KEY must be set in production');
  return DEVELOPMENT_ACTOR_SIGNING_KEY;
}

/** An event's signature: over its subject, message id and exact payload bytes (as published). */
export function signEvent(subject: string, messageId: string, payload: string, key: string): string {
  return createHmac('sha256', key).update(`${subject}\n${messageId}\n`).update(payload).digest('base64url');
}

export function checkEvent(
  subject: string,
  messageId: string,
  payload: string,
  signature: string | undefined,
  key: string,
): boolean {
  if (!signature) return false;
  const expected = Buffer.from(signEvent(subject, messageId, payload, key), 'base64url');
  const given = Buffer.from(signature, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
