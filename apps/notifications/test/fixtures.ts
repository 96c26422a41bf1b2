import { randomUUID } from 'node:crypto';
import type { SlaClockBreachedV1, SlaClockWarnedV1 } from '@fengqiao/contracts';

const MINUTE = 60_000;

/** An SLA warning as dispatch's engine publishes it: 80% of a 签收 clock used, due in an hour. */
export function warned(agencyId: string, over: Partial<SlaClockWarnedV1> = {}): SlaClockWarnedV1 {
  const now = Date.now();
  return {
    clockId: randomUUID(),
    kind: 'accept',
    subjectId: randomUUID(),
    caseId: randomUUID(),
    caseNumber: 'QZ-2026-000123',
    agencyId,
    agencyName: '弥河镇人民调解委员会',
    jurisdictionCode: '370781107000',
    dueAt: new Date(now + 60 * MINUTE).toISOString(),
    level: 'orange',
    thresholdPercent: 80,
    reachedAt: new Date(now - 1000).toISOString(),
    firedAt: new Date(now).toISOString(),
    ...over,
  };
}

/** A breach (红灯): the deadline passed a moment ago, a 督办 was opened. */
export function breached(agencyId: string, over: Partial<SlaClockBreachedV1> = {}): SlaClockBreachedV1 {
  const now = Date.now();
  return {
    clockId: randomUUID(),
    kind: 'resolve',
    subjectId: randomUUID(),
    caseId: randomUUID(),
    caseNumber: 'QZ-2026-000124',
    agencyId,
    agencyName: '弥河镇人民调解委员会',
    jurisdictionCode: '370781107000',
    dueAt: new Date(now - MINUTE).toISOString(),
    actions: ['remind', 'supervise'],
    supervisionId: randomUUID(),
    reachedAt: new Date(now - MINUTE).toISOString(),
    firedAt: new Date(now).toISOString(),
    ...over,
  };
}

export const ADMIN = { id: 'u-admin', name: '系统管理员', role: 'admin' };
export const COORDINATOR = {
  id: 'u-coordinator',
  name: '弥河镇综治中心 王协调员',
  role: 'coordinator',
  jurisdictionCode: '370781107000',
};
export const LEADER = {
  id: 'u-leader',
  name: '青州市 李领导',
  role: 'leader',
  jurisdictionCode: '370781000000',
};
export const OTHER_LEADER = {
  id: 'u-leader-2',
  name: '临朐县 赵领导',
  role: 'leader',
  jurisdictionCode: '370724000000',
};
export const CLERK = {
  id: 'u-clerk',
  name: '刘文书',
  role: 'agency_staff',
  agencyId: '6a1f0c00-0000-4000-8000-000000000306',
};
export const REPORTER = {
  id: 'u-reporter',
  name: '网格员',
  role: 'reporter',
  jurisdictionCode: '370781107201',
};

/**
 * Waits until the service answers on NATS: its subscriptions may reach the server a moment after
 * the app says it is listening, and a request sent before then gets "no responders".
 */
export async function answering(rpc: {
  request: (s: string, subject: string, actor: typeof ADMIN, body: object) => Promise<unknown>;
}): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      await rpc.request('notifications', 'notifications.channel.list.v1', ADMIN, {
        agencyId: '00000000-0000-4000-8000-000000000000',
      });
      return;
    } catch (e) {
      if ((e as { status?: number }).status !== 503 || i > 100) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
