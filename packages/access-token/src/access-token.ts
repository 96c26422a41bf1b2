import { createHmac, timingSafeEqual } from 'node:crypto';

/** What an access token says about its holder; the gateway turns it into the request's actor. */
export interface AccessClaims {
  /** user id */
  sub: string;
  name: string;
  role: string;
  jurisdictionCode?: string;
  agencyId?: string;
  /** The sign-in session (refresh token family): revoking it ends this token early. */
  sid?: string;
}

interface Payload extends AccessClaims {
  iat: number;
  exp: number;
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

export class InvalidAccessToken extends Error {}

function signature(input: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(input).digest();
}

/** A compact HS256 JWT (RFC 7519) that expires after ttlSeconds. */
export function signAccessToken(
  claims: AccessClaims,
  secret: string,
  ttlSeconds: number,
  now = Date.now(),
): string {
  const iat = Math.floor(now / 1000);
  const payload: Payload = { ...claims, iat, exp: iat + ttlSeconds };
  const body = `${HEADER}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return `${body}.${signature(body, secret).toString('base64url')}`;
}

/**
 * Checks the signature (constant time), the algorithm (only HS256: no `none`, no key confusion)
 * and the expiry; throws InvalidAccessToken saying which failed.
 */
export function verifyAccessToken(
  token: string,
  secret: string,
  now = Date.now(),
): AccessClaims & { exp: number } {
  const parts = token.split('.');
  if (parts.length !== 3) throw new InvalidAccessToken('malformed');
  const [header, body, sig] = parts;
  if (header !== HEADER) throw new InvalidAccessToken('unsupported header');
  const expected = signature(`${header}.${body}`, secret);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new InvalidAccessToken('bad signature');
  let payload: Payload;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Payload;
  } catch {
    throw new InvalidAccessToken('malformed');
  }
  if (typeof payload.exp !== 'number' || payload.exp * 1000 <= now) throw new InvalidAccessToken('expired');
  const { sub, name, role, jurisdictionCode, agencyId, sid, exp } = payload;
  return { sub, name, role, jurisdictionCode, agencyId, sid, exp };
}

// Published and therefore worthless as a secret: only where NODE_ENV is not production.
export const DEVELOPMENT_ACCESS_TOKEN_SECRET =
  'fengqiao-hub development access-token secret (never in production)';

/** The signing secret identity and the gateway share: required in production, a known one elsewhere. */
export function accessTokenSecret(env: { AUTH_JWT_SECRET?: string; NODE_ENV?: string }): string {
  if (env.AUTH_JWT_SECRET) {
    if (env.AUTH_JWT_SECRET.length < 32) throw new Error('AUTH_JWT_SECRET must be at least 32 characters');
    return env.AUTH_JWT_SECRET;
  }
  if (env.NODE_ENV === 'production') throw new Error('AUTH_JWT_SECRET must be set in production');
  return DEVELOPMENT_ACCESS_TOKEN_SECRET;
}
