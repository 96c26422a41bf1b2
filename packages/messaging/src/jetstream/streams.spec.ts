import { retryDelayMs } from './durable-consumer';
import { streamConfigs } from './streams';

describe('stream configuration', () => {
  it('keeps a dedup window and the requested replicas on every stream', () => {
    for (const s of streamConfigs(3)) {
      expect(s.num_replicas).toBe(3);
      expect(s.duplicate_window).toBeGreaterThanOrEqual(60 * 1e9);
      expect(s.subjects?.length).toBeGreaterThan(0);
    }
  });

  it('backs off exponentially up to 30 s', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([500, 1000, 2000, 4000]);
    expect(retryDelayMs(20)).toBe(30000);
  });
});
