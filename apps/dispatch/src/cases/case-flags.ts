import type { EntityManager } from 'typeorm';
import { CaseFlaggedV1, type Actor } from '@fengqiao/contracts';
import type { Outbox } from '@fengqiao/messaging';
import type { Case } from './case.entity';
import { appendTimelineStep } from './timeline-entry.entity';

/** 民转刑 risk: on the timeline and on JetStream, so police and leaders are alerted. */
export async function flagViolenceRisk(
  m: EntityManager,
  outbox: Outbox,
  kase: Case,
  actor: Pick<Actor, 'id' | 'name'>,
  detail: string,
  at: Date,
): Promise<void> {
  await appendTimelineStep(m, {
    caseId: kase.id,
    step: 'case_flagged',
    summary: `民转刑风险：${detail}`,
    actor,
    at,
  });
  await outbox.add(m, CaseFlaggedV1, {
    caseId: kase.id,
    caseNumber: kase.caseNumber,
    flag: 'violence_risk',
    detail,
    linkedCaseIds: [],
    flaggedAt: at.toISOString(),
  });
}
