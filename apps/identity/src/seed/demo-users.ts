import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { DataSource } from 'typeorm';
import type { Role } from '@fengqiao/contracts';
import { User } from '../users/user.entity';

/** The demo password of every demo user (README). Development only: the seed refuses production. */
export const DEMO_PASSWORD = 'Fengqiao-demo-2026';

export const DEMO_USERS: {
  username: string;
  displayName: string;
  role: Role;
  jurisdictionCode?: string;
  agencyId?: string;
}[] = [
  {
    username: 'coordinator.huanglou',
    displayName: '黄楼街道综治中心 张协调员',
    role: 'coordinator',
    jurisdictionCode: '370781007000',
  },
  {
    username: 'clerk.huanglou-committee',
    displayName: '黄楼街道人民调解委员会 刘文书',
    role: 'agency_staff',
    agencyId: '6a1f0c00-0000-4000-8000-000000000301',
  },
  {
    username: 'mediator.huanglou-committee',
    displayName: '调解员 李明',
    role: 'mediator',
    agencyId: '6a1f0c00-0000-4000-8000-000000000301',
  },
  {
    username: 'reporter.luli',
    displayName: '卢李村网格员 王芳',
    role: 'reporter',
    jurisdictionCode: '370781007201',
  },
  {
    username: 'leader.qingzhou',
    displayName: '青州市 赵领导',
    role: 'leader',
    jurisdictionCode: '370781000000',
  },
  {
    username: 'clerk.huanglou-police',
    displayName: '黄楼派出所 陈民警',
    role: 'agency_staff',
    agencyId: '6a1f0c00-0000-4000-8000-000000000101',
  },
  {
    username: 'clerk.huanglou-judicial',
    displayName: '黄楼司法所 周助理',
    role: 'agency_staff',
    agencyId: '6a1f0c00-0000-4000-8000-000000000201',
  },
  {
    username: 'clerk.huanglou-lawyer',
    displayName: '黄楼街道律师调解工作室 吴律师',
    role: 'agency_staff',
    agencyId: '6a1f0c00-0000-4000-8000-000000000401',
  },
  {
    username: 'coordinator.qingzhou',
    displayName: '青州市综治中心 郑协调员',
    role: 'coordinator',
    jurisdictionCode: '370781000000',
  },
  {
    username: 'clerk.huanglou-land',
    displayName: '黄楼自然资源所 周所长',
    role: 'agency_staff',
    agencyId: '6a1f0c00-0000-4000-8000-000000000501',
  },
  {
    username: 'clerk.huanglou-civil',
    displayName: '黄楼街道民政办 吴干事',
    role: 'agency_staff',
    agencyId: '6a1f0c00-0000-4000-8000-000000000502',
  },
  {
    username: 'clerk.mihe-land',
    displayName: '弥河自然资源所 马所长',
    role: 'agency_staff',
    agencyId: '6a1f0c00-0000-4000-8000-000000000506',
  },
  {
    username: 'clerk.mihe-civil',
    displayName: '弥河镇民政办 李干事',
    role: 'agency_staff',
    agencyId: '6a1f0c00-0000-4000-8000-000000000507',
  },
  {
    username: 'clerk.mihe-police',
    displayName: '弥河派出所 陈民警',
    role: 'agency_staff',
    agencyId: '6a1f0c00-0000-4000-8000-000000000104',
  },
  {
    username: 'reporter.minjia',
    displayName: '闵家村网格员 孙丽',
    role: 'reporter',
    jurisdictionCode: '370781100201',
  },
  {
    username: 'coordinator.mihe',
    displayName: '弥河镇综治中心 刘协调员',
    role: 'coordinator',
    jurisdictionCode: '370781100000',
  },
  { username: 'admin', displayName: '系统管理员', role: 'admin' },
];

/** Creates the demo users that do not exist yet (existing ones keep their password). */
export async function seedDemoUsers(dataSource: DataSource, nodeEnv: string | undefined): Promise<number> {
  if (nodeEnv === 'production') throw new Error('refusing to seed demo users when NODE_ENV=production');
  const passwordHash = await hash(DEMO_PASSWORD);
  const result = await dataSource
    .createQueryBuilder()
    .insert()
    .into(User)
    .values(
      DEMO_USERS.map((u) => ({
        id: randomUUID(),
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        jurisdictionCode: u.jurisdictionCode ?? null,
        agencyId: u.agencyId ?? null,
        passwordHash,
      })),
    )
    .orIgnore()
    .execute();
  return result.identifiers.filter(Boolean).length;
}
