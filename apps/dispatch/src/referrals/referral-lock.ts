import type { EntityManager } from 'typeorm';
import type { Actor } from '@fengqiao/contracts';
import { notFound } from '@fengqiao/errors';
import { Agency } from '../agencies/agency.entity';
import { Case } from '../cases/case.entity';
import { caseScopeOf, isInCaseScope } from '../cases/case-scope';
import { assertRole } from '../roles';
import { Referral } from './referral.entity';

/**
 * Locks a referral, then its case (the order the event consumers use, so they never deadlock),
 * for a coordinator's command; outside the coordinator's 辖区 it reads as "not found".
 */
export async function lockReferralForCoordinator(m: EntityManager, actor: Actor, referralId: string) {
  assertRole(actor, ['coordinator'], 'rule on or transfer referrals', '裁定或转办派单');
  const referral = await m.findOne(Referral, {
    where: { id: referralId },
    lock: { mode: 'pessimistic_write' },
  });
  const kase = referral
    ? await m.findOne(Case, { where: { id: referral.caseId }, lock: { mode: 'pessimistic_write' } })
    : null;
  if (!referral || !kase || !isInCaseScope(caseScopeOf(actor), kase.jurisdictionCode, [])) {
    throw notFound('referral', '派单', referralId);
  }
  const agency = await m.findOneByOrFail(Agency, { id: referral.agencyId });
  return { referral, kase, agency };
}

/**
 * Locks the referral an agency's event names, then its case (the same order as every consumer and
 * command, so they never deadlock). A referral dispatch never issued is a permanent failure: the
 * event goes to the dead letters.
 */
export async function lockReferralForEvent(m: EntityManager, referralId: string) {
  const referral = await m.findOne(Referral, {
    where: { id: referralId },
    lock: { mode: 'pessimistic_write' },
  });
  if (!referral) throw notFound('referral', '派单', referralId);
  const kase = await m.findOne(Case, {
    where: { id: referral.caseId },
    lock: { mode: 'pessimistic_write' },
  });
  const agency = await m.findOneBy(Agency, { id: referral.agencyId });
  if (!kase || !agency) throw notFound('case', '案件', referral.caseId);
  return { referral, kase, agency };
}
