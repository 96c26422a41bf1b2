import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { DataSource, IsNull, MoreThan, type EntityManager } from 'typeorm';
import { signAccessToken } from '@fengqiao/access-token';
import type { LoginCommand, SessionView } from '@fengqiao/contracts';
import { HubError } from '@fengqiao/errors';
import { revokeSession } from '@fengqiao/messaging';
import type { KV } from '@nats-io/kv';
import type { IdentityEnv } from '../config';
import { User } from '../users/user.entity';
import { LoginAttempt } from './login-attempt.entity';
import { RefreshToken } from './refresh-token.entity';

export const IDENTITY_CONFIG = Symbol('IDENTITY_CONFIG');
export const REVOKED_SESSIONS = Symbol('REVOKED_SESSIONS');
export type IdentityConfig = IdentityEnv & { AUTH_JWT_SECRET: string };

const invalidCredentials = () =>
  new HubError(401, 'UNAUTHENTICATED', 'invalid username or password', '用户名或密码错误');
const invalidRefresh = () =>
  new HubError(
    401,
    'UNAUTHENTICATED',
    'the refresh token is not valid; sign in again',
    '登录已失效，请重新登录',
  );

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

// Verified against when the username does not exist, so both answers take as long.
const DUMMY_HASH = hash('fengqiao-hub no such user');

/** Sign-in, token refresh and sign-out, with lock-out and per-address throttling kept in Postgres. */
@Injectable()
export class Sessions implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    @Inject(REVOKED_SESSIONS) private readonly revokedSessions: KV,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.republishRecentRevocations(new Date(Date.now() - 2 * 3600 * 1000));
  }

  async login(cmd: LoginCommand): Promise<SessionView> {
    const now = new Date();
    await this.throttle(cmd.origin, now);
    const user = await this.dataSource.getRepository(User).findOneBy({ username: cmd.username });
    const passwordOk = await verify(user?.passwordHash ?? (await DUMMY_HASH), cmd.password);
    await this.dataSource
      .getRepository(LoginAttempt)
      .insert({ origin: cmd.origin, at: now, succeeded: Boolean(user && passwordOk) });
    if (!user || user.disabled) throw invalidCredentials();
    if (user.lockedUntil && user.lockedUntil > now) throw this.locked(user.lockedUntil);
    if (!passwordOk) {
      await this.countFailure(user, now);
      throw invalidCredentials();
    }
    await this.dataSource.getRepository(User).update({ id: user.id }, { failedLogins: 0, lockedUntil: null });
    return this.dataSource.transaction((m) => this.issue(m, user, randomUUID(), now));
  }

  async refresh(refreshToken: string): Promise<SessionView> {
    const now = new Date();
    const outcome = await this.dataSource.transaction(async (m) => {
      const token = await m.findOne(RefreshToken, {
        where: { tokenHash: sha256(refreshToken) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!token) throw invalidRefresh();
      if (token.revokedAt) return { reusedFamily: token.family, session: null };
      if (token.expiresAt <= now) throw invalidRefresh();
      const user = await m.findOneBy(User, { id: token.userId });
      if (!user || user.disabled || (user.lockedUntil && user.lockedUntil > now)) throw invalidRefresh();
      await m.update(RefreshToken, { id: token.id }, { revokedAt: now });
      return { reusedFamily: null, session: await this.issue(m, user, token.family, now) };
    });
    if (outcome.session) return outcome.session;
    // A used or revoked token came back: someone holds a copy. End the whole session (committed
    // on its own: the refusal below must not roll it back).
    await this.revokeFamily(outcome.reusedFamily!, now);
    throw invalidRefresh();
  }

  /** Signs out: every token of the session is revoked. Unknown tokens are fine (nothing to do). */
  async logout(refreshToken: string): Promise<void> {
    const token = await this.dataSource
      .getRepository(RefreshToken)
      .findOneBy({ tokenHash: sha256(refreshToken) });
    if (token) await this.revokeFamily(token.family, new Date());
  }

  /** Ends a session: its refresh tokens in Postgres, its access tokens at every gateway (after commit). */
  /** Every session of a user ends (their account was disabled). */
  async endAllSessionsOf(userId: string): Promise<void> {
    const families = (await this.dataSource.query(
      `SELECT DISTINCT family FROM ${this.dataSource.getRepository(RefreshToken).metadata.tablePath} WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId],
    )) as { family: string }[];
    for (const f of families) await this.revokeFamily(f.family, new Date());
  }

  private async revokeFamily(family: string, now: Date): Promise<void> {
    await this.dataSource
      .getRepository(RefreshToken)
      .update({ family, revokedAt: IsNull() }, { revokedAt: now });
    await revokeSession(this.revokedSessions, family, now);
  }

  /** At start: sessions revoked within the bucket's lifetime go (again) to the bucket, in case a crash lost one. */
  async republishRecentRevocations(since: Date): Promise<number> {
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT family FROM ${this.dataSource.getRepository(RefreshToken).metadata.tablePath} WHERE revoked_at > $1`,
      [since],
    )) as { family: string }[];
    for (const r of rows) await revokeSession(this.revokedSessions, r.family);
    return rows.length;
  }

  private async issue(m: EntityManager, user: User, family: string, now: Date): Promise<SessionView> {
    const refreshToken = randomBytes(32).toString('base64url');
    await m.insert(RefreshToken, {
      id: randomUUID(),
      userId: user.id,
      family,
      tokenHash: sha256(refreshToken),
      issuedAt: now,
      expiresAt: new Date(now.getTime() + this.config.REFRESH_TOKEN_TTL_S * 1000),
      revokedAt: null,
    });
    const claims = {
      sub: user.id,
      sid: family,
      name: user.displayName,
      role: user.role,
      ...(user.jurisdictionCode ? { jurisdictionCode: user.jurisdictionCode } : {}),
      ...(user.agencyId ? { agencyId: user.agencyId } : {}),
    };
    return {
      accessToken: signAccessToken(
        claims,
        this.config.AUTH_JWT_SECRET,
        this.config.ACCESS_TOKEN_TTL_S,
        now.getTime(),
      ),
      expiresIn: this.config.ACCESS_TOKEN_TTL_S,
      refreshToken,
      user: {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        jurisdictionCode: user.jurisdictionCode ?? undefined,
        agencyId: user.agencyId ?? undefined,
      },
    };
  }

  /** One more failure in a row; at the threshold the account locks and the count starts again. */
  private async countFailure(user: User, now: Date): Promise<void> {
    const table = this.dataSource.getRepository(User).metadata.tablePath;
    // TypeORM answers an UPDATE … RETURNING with [rows, affected count].
    const [[row]] = (await this.dataSource.query(
      `UPDATE ${table} SET failed_logins = failed_logins + 1 WHERE id = $1 RETURNING failed_logins`,
      [user.id],
    )) as [{ failed_logins: number }[], number];
    if (row.failed_logins >= this.config.LOCKOUT_THRESHOLD) {
      const until = new Date(now.getTime() + this.config.LOCKOUT_MINUTES * 60000);
      await this.dataSource
        .getRepository(User)
        .update({ id: user.id }, { failedLogins: 0, lockedUntil: until });
    }
  }

  private locked(until: Date): HubError {
    const minutes = Math.ceil((until.getTime() - Date.now()) / 60000);
    return new HubError(
      423,
      'ACCOUNT_LOCKED',
      `the account is locked for ${minutes} more minute(s) after repeated failed logins`,
      `登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试`,
    );
  }

  private async throttle(origin: string, now: Date): Promise<void> {
    const since = new Date(now.getTime() - 10 * 60000);
    const recent = await this.dataSource.getRepository(LoginAttempt).countBy({ origin, at: MoreThan(since) });
    if (recent >= this.config.LOGIN_ATTEMPTS_PER_ADDRESS) {
      throw new HubError(
        429,
        'TOO_MANY_REQUESTS',
        'too many login attempts from this address; wait a few minutes',
        '该地址登录尝试过于频繁，请稍后再试',
      );
    }
  }
}
