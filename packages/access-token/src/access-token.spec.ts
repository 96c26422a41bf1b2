import { signAccessToken, verifyAccessToken } from './access-token';

const secret = 'a-test-secret-that-is-long-enough-for-hs256';
const claims = { sub: 'u-1', name: '张协调员', role: 'coordinator', jurisdictionCode: '370781007000' };

describe('access tokens', () => {
  it('round-trips the claims until they expire', () => {
    const t = signAccessToken(claims, secret, 900, Date.UTC(2026, 10, 23, 8));
    expect(verifyAccessToken(t, secret, Date.UTC(2026, 10, 23, 8, 10))).toMatchObject(claims);
    expect(() => verifyAccessToken(t, secret, Date.UTC(2026, 10, 23, 8, 16))).toThrow('expired');
  });

  it('refuses another secret, a tampered role claim and alg none', () => {
    const t = signAccessToken(claims, secret, 900);
    expect(() => verifyAccessToken(t, 'another-secret-that-is-long-enough-too')).toThrow('bad signature');
    const [h, b, s] = t.split('.');
    const promoted = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(b, 'base64url').toString()), role: 'admin' }),
    ).toString('base64url');
    expect(() => verifyAccessToken(`${h}.${promoted}.${s}`, secret)).toThrow('bad signature');
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(() => verifyAccessToken(`${none}.${b}.`, secret)).toThrow('unsupported header');
    expect(() => verifyAccessToken('garbage', secret)).toThrow('malformed');
  });
});
