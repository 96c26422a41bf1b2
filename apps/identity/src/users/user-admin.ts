import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { hash } from '@node-rs/argon2';
import { DataSource } from 'typeorm';
import type { Actor, CreateUserRequest, ListUsersQuery, Page, UserView } from '@fengqiao/contracts';
import { pageWindow } from '@fengqiao/database';
import { conflict, forbidden, notFound, unprocessable } from '@fengqiao/errors';
import { Sessions } from '../sessions/sessions';
import { User } from './user.entity';

const toView = (u: User): UserView => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  jurisdictionCode: u.jurisdictionCode ?? undefined,
  agencyId: u.agencyId ?? undefined,
  disabled: u.disabled,
  lockedUntil: u.lockedUntil && u.lockedUntil > new Date() ? u.lockedUntil.toISOString() : undefined,
});

const SCOPED_BY_JURISDICTION = ['coordinator', 'reporter', 'leader'];
const SCOPED_BY_AGENCY = ['agency_staff', 'mediator'];

/** The admin's work on users: list, create, disable (which also ends the user's sessions). */
@Injectable()
export class UserAdmin {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: Sessions,
  ) {}

  async list(actor: Actor, q: ListUsersQuery): Promise<Page<UserView>> {
    assertAdmin(actor);
    const { page, pageSize, skip } = pageWindow(q);
    const [rows, total] = await this.dataSource.getRepository(User).findAndCount({
      where: q.role ? { role: q.role } : {},
      order: { username: 'ASC' },
      skip,
      take: pageSize,
    });
    return { items: rows.map(toView), page, pageSize, total };
  }

  async create(actor: Actor, input: CreateUserRequest): Promise<UserView> {
    assertAdmin(actor);
    if (SCOPED_BY_JURISDICTION.includes(input.role) && !input.jurisdictionCode) {
      throw unprocessable(
        'jurisdictionCode',
        `a ${input.role} works within a jurisdiction`,
        '该角色必须指定辖区',
      );
    }
    if (SCOPED_BY_AGENCY.includes(input.role) && !input.agencyId) {
      throw unprocessable('agencyId', `a ${input.role} belongs to an agency`, '该角色必须指定所属单位');
    }
    const user = {
      id: randomUUID(),
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      jurisdictionCode: SCOPED_BY_JURISDICTION.includes(input.role) ? (input.jurisdictionCode ?? null) : null,
      agencyId: SCOPED_BY_AGENCY.includes(input.role) ? (input.agencyId ?? null) : null,
      passwordHash: await hash(input.password),
    };
    try {
      await this.dataSource.getRepository(User).insert(user);
    } catch (e) {
      if ((e as { code?: string }).code === '23505')
        throw conflict(`username ${input.username} is taken`, `用户名 ${input.username} 已存在`);
      throw e;
    }
    return toView(await this.dataSource.getRepository(User).findOneByOrFail({ id: user.id }));
  }

  async disable(actor: Actor, userId: string): Promise<UserView> {
    assertAdmin(actor);
    const user = await this.dataSource.getRepository(User).findOneBy({ id: userId });
    if (!user) throw notFound('user', '用户', userId);
    if (user.id === actor.id)
      throw conflict('an admin cannot disable their own account', '管理员不能停用自己的账号');
    await this.dataSource.getRepository(User).update({ id: userId }, { disabled: true });
    await this.sessions.endAllSessionsOf(userId);
    return toView({ ...user, disabled: true });
  }
}

function assertAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw forbidden('only an admin manages users', '只有管理员可以管理用户');
}
