import type { INestMicroservice } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { verifyAccessToken } from '@fengqiao/access-token';
import { IdentitySubjects, type SessionView } from '@fengqiao/contracts';
import type { RpcClient } from '@fengqiao/messaging';
import { bootService, failure, TestStores } from '@fengqiao/testing';
import { IdentityModule } from '../src/app.module';
import { loadIdentityConfig } from '../src/config';
import { DEMO_PASSWORD, seedDemoUsers } from '../src/seed/demo-users';

const SECRET = 'identity-service-test-secret-long-enough';
let stores: TestStores;
let app: INestMicroservice;
let rpc: RpcClient;
let dataSource: DataSource;

const anonymous = { id: 'unauthenticated', name: '未认证用户', role: 'unauthenticated' };
const send = <T>(subject: string, body: object) => rpc.request<T>('identity', subject, anonymous, body);
const login = (username: string, password: string, origin = '10.0.0.1') =>
  send<SessionView>(IdentitySubjects.login, { username, password, origin });

beforeAll(async () => {
  stores = await TestStores.start();
  const config = loadIdentityConfig(
    stores.env({ AUTH_JWT_SECRET: SECRET, LOCKOUT_THRESHOLD: '3', LOGIN_ATTEMPTS_PER_ADDRESS: '12' }),
  );
  app = await bootService(IdentityModule.forRoot(config), 'identity', stores);
  dataSource = app.get(DataSource);
  await seedDemoUsers(dataSource, 'test');
  rpc = stores.rpc();
});

afterAll(async () => {
  await app?.close();
  await stores?.close();
});

describe('sessions', () => {
  it('signs a demo user in with an access token that carries role and scope', async () => {
    const s = await login('coordinator.huanglou', DEMO_PASSWORD);
    const claims = verifyAccessToken(s.accessToken, SECRET);
    expect(claims).toMatchObject({
      role: 'coordinator',
      jurisdictionCode: '370781007000',
      name: '黄楼街道综治中心 张协调员',
    });
    expect(s.expiresIn).toBe(900);
    expect(s.user).toMatchObject({ username: 'coordinator.huanglou', role: 'coordinator' });
  });

  it('answers a wrong password and an unknown user alike, and never stores a password in clear', async () => {
    const wrong = await failure(login('leader.qingzhou', 'not-the-password'));
    const unknown = await failure(login('nobody.here', 'whatever'));
    expect([wrong.status, wrong.message]).toEqual([401, 'invalid username or password']);
    expect([unknown.status, unknown.message]).toEqual([401, 'invalid username or password']);
    const rows = await dataSource.query(`SELECT password_hash FROM identity.users`);
    for (const r of rows) expect(r.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('locks an account after repeated failures, even against the right password', async () => {
    for (let i = 0; i < 3; i++)
      expect((await failure(login('reporter.luli', 'wrong', '10.0.0.2'))).status).toBe(401);
    const locked = await failure(login('reporter.luli', DEMO_PASSWORD, '10.0.0.2'));
    expect([locked.status, locked.code]).toEqual([423, 'ACCOUNT_LOCKED']);
    expect(locked.messageZh).toContain('锁定');
  });

  it('rotates refresh tokens, and a reused one ends the whole session', async () => {
    const first = await login('clerk.huanglou-committee', DEMO_PASSWORD, '10.0.0.3');
    const second = await send<SessionView>(IdentitySubjects.refresh, { refreshToken: first.refreshToken });
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(verifyAccessToken(second.accessToken, SECRET).agencyId).toBe(
      '6a1f0c00-0000-4000-8000-000000000301',
    );
    const replay = await failure(send(IdentitySubjects.refresh, { refreshToken: first.refreshToken }));
    expect(replay.status).toBe(401);
    // The replay revoked the family: the legitimate holder's newer token no longer works either.
    expect(
      (await failure(send(IdentitySubjects.refresh, { refreshToken: second.refreshToken }))).status,
    ).toBe(401);
  });

  it('signs out by revoking the session', async () => {
    const s = await login('mediator.huanglou-committee', DEMO_PASSWORD, '10.0.0.4');
    await send(IdentitySubjects.logout, { refreshToken: s.refreshToken });
    expect((await failure(send(IdentitySubjects.refresh, { refreshToken: s.refreshToken }))).status).toBe(
      401,
    );
  });

  it('slows down an address that keeps trying, whatever the account', async () => {
    const origin = '10.9.9.9';
    for (let i = 0; i < 12; i++) await failure(login(`guess.${i}`, 'x', origin));
    const throttled = await failure(login('admin', DEMO_PASSWORD, origin));
    expect([throttled.status, throttled.code]).toEqual([429, 'TOO_MANY_REQUESTS']);
  });

  it('audits every sign-in attempt without the password', async () => {
    const rows = await dataSource.query(
      `SELECT action, result, origin FROM identity.audit_log WHERE action = $1`,
      [IdentitySubjects.login],
    );
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.map((r: { result: string }) => r.result)).toEqual(
      expect.arrayContaining(['ok', '401 UNAUTHENTICATED', '423 ACCOUNT_LOCKED']),
    );
    expect(JSON.stringify(rows)).not.toContain(DEMO_PASSWORD);
  });

  it('refuses to seed demo users in production', async () => {
    await expect(seedDemoUsers(dataSource, 'production')).rejects.toThrow(/production/);
  });
});
