import type { NextFunction, Request, Response } from 'express';
import { HubError } from '@fengqiao/errors';

/** Headers every API answer carries: no sniffing, no framing, no referrer, no caching. */
export function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Strict-Transport-Security', 'max-age=15552000; includeSubDomains');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  if (!req.path.startsWith('/api/docs')) {
    // The API returns JSON only; the OpenAPI page needs its own scripts and styles.
    res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    res.setHeader('Cache-Control', 'no-store');
  }
  next();
}

/**
 * Requests per address per minute, counted in a fixed window. Per gateway replica: with N
 * replicas behind a balancer an address gets up to N × the limit, which is what this is for
 * (keeping one client from swamping a replica), not a quota.
 */
export class RateLimiter {
  private window = 0;
  private counts = new Map<string, number>();

  constructor(private readonly perMinute: number) {}

  /** Whether one more request from this address fits, and counts it. */
  take(address: string, now = Date.now()): boolean {
    const window = Math.floor(now / 60000);
    if (window !== this.window) {
      this.window = window;
      this.counts = new Map();
    }
    const used = (this.counts.get(address) ?? 0) + 1;
    this.counts.set(address, used);
    return used <= this.perMinute;
  }
}

export function rateLimit(limiter: RateLimiter) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.path === '/health' || limiter.take(req.ip ?? 'unknown')) return next();
    const body = new HubError(
      429,
      'TOO_MANY_REQUESTS',
      'too many requests from this address; slow down',
      '请求过于频繁，请稍后再试',
    ).toBody();
    res.setHeader('Retry-After', String(60 - (Math.floor(Date.now() / 1000) % 60)));
    res.status(429).json({ error: body });
  };
}
