import type { EntityManager } from 'typeorm';
import { CaseFlaggedV1 } from '@fengqiao/contracts';
import type { Outbox } from '@fengqiao/messaging';
import { Case } from '../cases/case.entity';
import { appendTimelineStep } from '../cases/timeline-entry.entity';
import { SCHEMA } from '../config';
import { CaseLink, type CaseLinkReason } from './case-link.entity';

/**
 * An address reduced to what identifies the place: full-width forms folded (NFKC), spaces and
 * punctuation dropped, so "卢李村 3号" and "卢李村3号。" match. Null when nothing is left.
 */
export function addressKey(address: string | undefined | null): string | null {
  if (!address) return null;
  const key = address
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toLowerCase();
  return key.length >= 4 ? key.slice(0, 300) : null;
}

const REASON_ZH: Record<CaseLinkReason, string> = {
  same_id_number: '同一当事人（身份证号）',
  same_phone: '同一当事人（手机号）',
  same_address: '同一地址',
  rebound: '回访反弹',
};

/**
 * 重复件: links a new case to earlier cases (within the window) that share a party's ID number or
 * phone (by their keyed lookup hashes) or the address within the same district, flags it as a
 * repeat and says so on the timeline and on JetStream. Runs in the registration's transaction.
 */
export async function linkRepeats(
  m: EntityManager,
  outbox: Outbox,
  kase: Case,
  windowDays: number,
): Promise<CaseLink[]> {
  const since = new Date(kase.registeredAt.getTime() - windowDays * 86_400_000);
  const rows: { id: string; reason: CaseLinkReason }[] = await m.query(
    `SELECT DISTINCT c.id, 'same_id_number' AS reason
       FROM ${SCHEMA}.case_parties mine
       JOIN ${SCHEMA}.case_parties other ON other.id_number_hash = mine.id_number_hash
       JOIN ${SCHEMA}.cases c ON c.id = other.case_id
      WHERE mine.case_id = $1 AND mine.id_number_hash IS NOT NULL AND c.id <> $1 AND c.registered_at >= $2
     UNION
     SELECT DISTINCT c.id, 'same_phone'
       FROM ${SCHEMA}.case_parties mine
       JOIN ${SCHEMA}.case_parties other ON other.phone_hash = mine.phone_hash
       JOIN ${SCHEMA}.cases c ON c.id = other.case_id
      WHERE mine.case_id = $1 AND mine.phone_hash IS NOT NULL AND c.id <> $1 AND c.registered_at >= $2
     UNION
     SELECT c.id, 'same_address'
       FROM ${SCHEMA}.cases c
      WHERE $3::varchar IS NOT NULL AND c.address_key = $3 AND c.id <> $1 AND c.registered_at >= $2
        AND left(c.jurisdiction_code, 6) = left($4, 6)
      LIMIT 200`,
    [kase.id, since, kase.addressKey, kase.jurisdictionCode],
  );
  if (rows.length === 0) return [];
  const links = rows.map((r) => ({
    caseId: kase.id,
    linkedCaseId: r.id,
    reason: r.reason,
    linkedAt: kase.registeredAt,
  }));
  await m.insert(CaseLink, links);
  await m.update(Case, { id: kase.id }, { isRepeat: true });
  kase.isRepeat = true;
  const linkedIds = [...new Set(rows.map((r) => r.id))];
  const reasons = [...new Set(rows.map((r) => REASON_ZH[r.reason]))].join('、');
  const detail = `重复件：与 ${linkedIds.length} 件既往案件关联（${reasons}）`;
  await appendTimelineStep(m, {
    caseId: kase.id,
    step: 'case_flagged',
    summary: detail,
    actor: { id: 'system', name: '系统' },
    at: kase.registeredAt,
  });
  await outbox.add(m, CaseFlaggedV1, {
    caseId: kase.id,
    caseNumber: kase.caseNumber,
    flag: 'repeat',
    detail,
    linkedCaseIds: linkedIds,
    flaggedAt: kase.registeredAt.toISOString(),
  });
  return links;
}
