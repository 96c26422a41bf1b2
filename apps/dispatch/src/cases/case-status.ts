import type { EntityManager } from 'typeorm';
import type { CaseStatus } from '@fengqiao/contracts';
import { CaseStatusChangedV1 } from '@fengqiao/contracts';
import type { Outbox } from '@fengqiao/messaging';
import { Case } from './case.entity';

/**
 * Statuses in which the case has left mediation: it takes no new referral and agencies' reports do
 * not move it. The one way back is a rebound (反弹) a follow-up finds on a resolved case: dispatch
 * reopens it with a new referral to the same agency (follow-ups/follow-up-progress.ts).
 */
export const CASE_ENDINGS: readonly CaseStatus[] = ['resolved', 'withdrawn', 'litigation'];

export const CASE_STATUS_ZH: Record<CaseStatus, string> = {
  registered: '待派单',
  referred: '已派单',
  in_mediation: '调解中',
  resolved: '已化解',
  unresolved: '未化解',
  withdrawn: '已撤回',
  litigation: '已转诉讼',
};

/** The one place a case's status changes: the row and its event, in the caller's transaction. */
export async function changeCaseStatus(
  manager: EntityManager,
  outbox: Outbox,
  kase: Case,
  to: CaseStatus,
  reason: string,
  at: Date,
): Promise<void> {
  if (kase.status === to) return;
  const from = kase.status;
  kase.status = to;
  // A case that leaves the hub's hands records the ladder level it ended at (矛盾不上交 index).
  const ended = CASE_ENDINGS.includes(to);
  kase.closedLevel = ended ? kase.ladderLevel : null;
  kase.closedAt = ended ? at : null;
  await manager.update(
    Case,
    { id: kase.id },
    { status: to, closedLevel: kase.closedLevel, closedAt: kase.closedAt },
  );
  await outbox.add(manager, CaseStatusChangedV1, {
    caseId: kase.id,
    caseNumber: kase.caseNumber,
    from,
    to,
    reason,
    changedAt: at.toISOString(),
  });
}
