import { loadNotificationsConfig } from './config';

describe('loadNotificationsConfig', () => {
  it('has working defaults: 5 s timeout, 5 s … 30 min backoff, 6 attempts, worker on', () => {
    const c = loadNotificationsConfig({});
    expect([c.DELIVERY_TIMEOUT_MS, c.DELIVERY_MAX_ATTEMPTS, c.DELIVERY_WORKER]).toEqual([5000, 6, 'on']);
    expect(c.backoffMs).toEqual([5000, 30000, 120000, 600000, 1800000]);
    expect(c.SMS_GATEWAY_URL).toBeUndefined();
  });

  it('names every bad variable: a lease shorter than two timeouts, a gateway without a key, a bad backoff', () => {
    expect(() =>
      loadNotificationsConfig({
        DELIVERY_TIMEOUT_MS: '5000',
        DELIVERY_LEASE_MS: '6000',
        SMS_GATEWAY_URL: 'http://127.0.0.1:9000/sms',
      }),
    ).toThrow(/DELIVERY_LEASE_MS[\s\S]*SMS_GATEWAY_KEY/);
    expect(() => loadNotificationsConfig({ DELIVERY_BACKOFF_MS: '5s,30s' })).toThrow(/DELIVERY_BACKOFF_MS/);
    expect(() => loadNotificationsConfig({ DELIVERY_WORKER: 'false' })).toThrow(/DELIVERY_WORKER/);
  });

  it('accepts a gateway on a local address with its key', () => {
    const c = loadNotificationsConfig({
      SMS_GATEWAY_URL: 'http://127.0.0.1:9000/sms',
      SMS_GATEWAY_KEY: 'k'.repeat(16),
    });
    expect(c.SMS_GATEWAY_URL).toBe('http://127.0.0.1:9000/sms');
  });
});
