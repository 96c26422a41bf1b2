import { RateLimiter } from './hardening';

describe('RateLimiter', () => {
  it('lets an address through up to the limit per minute, then refuses it until the next minute', () => {
    const limiter = new RateLimiter(3);
    const t = Date.UTC(2026, 10, 23, 12, 0, 10);
    expect([1, 2, 3, 4].map(() => limiter.take('10.0.0.1', t))).toEqual([true, true, true, false]);
    expect(limiter.take('10.0.0.2', t)).toBe(true); // another address has its own count
    expect(limiter.take('10.0.0.1', t + 60000)).toBe(true);
  });
});
