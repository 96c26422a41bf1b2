import type { EntityManager } from 'typeorm';
import type { CaseStatus } from '@fengqiao/contracts';
import { CaseStatusChangedV1 } from '@fengqiao/contracts';
import type { Outbox } from '@fengqiao/messaging';
import { Case } from './case.entity';

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
  await manager.update(Case, { id: kase.id }, { status: to });
  await outbox.add(manager, CaseStatusChangedV1, {
    caseId: kase.id,
    caseNumber: kase.caseNumber,
    from,
    to,
    reason,
    changedAt: at.toISOString(),
  });
}
