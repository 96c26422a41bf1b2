import { backoffDelayMs } from './delivery-worker';

describe('backoffDelayMs', () => {
  const backoff = [5000, 30000, 120000, 600000, 1800000];

  it('waits 5 s, 30 s, 2 min, 10 min, 30 min after the 1st … 5th failure, then keeps 30 min', () => {
    expect([1, 2, 3, 4, 5, 6, 9].map((n) => backoffDelayMs(n, backoff))).toEqual([
      5000, 30000, 120000, 600000, 1800000, 1800000, 1800000,
    ]);
  });

  it('works with a single value', () => {
    expect(backoffDelayMs(3, [50])).toBe(50);
  });
});
