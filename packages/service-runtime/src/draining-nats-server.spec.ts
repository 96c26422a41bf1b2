import { InFlightRequests } from './draining-nats-server';

describe('in-flight requests', () => {
  it('is idle at once when nothing runs, and waits for the last request otherwise', async () => {
    const inFlight = new InFlightRequests();
    expect(await inFlight.idle(10)).toBe(true);
    inFlight.enter();
    inFlight.enter();
    setTimeout(() => inFlight.leave(), 30);
    setTimeout(() => inFlight.leave(), 60);
    const started = Date.now();
    expect(await inFlight.idle(2000)).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('gives up after the grace period when a handler never answers', async () => {
    const inFlight = new InFlightRequests();
    inFlight.enter();
    expect(await inFlight.idle(50)).toBe(false);
  });
});
