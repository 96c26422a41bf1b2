import type { EntityManager } from 'typeorm';
import type { Actor, AgencyKind, ReferralStatus } from '@fengqiao/contracts';
import { conflict, notFound } from '@fengqiao/errors';
import { InboxReferral } from './inbox-referral.entity';

/** Agency staff and mediators of the referral's own agency (from the signed actor). */
export function mayWorkOn(actor: Actor, agencyId: string): boolean {
  return (actor.role === 'agency_staff' || actor.role === 'mediator') && actor.agencyId === agencyId;
}

export const STATUS_ZH: Record<ReferralStatus, string> = {
  issued: '待签收',
  accepted: '已签收',
  in_progress: '办理中',
  returned: '已退单',
  transferred: '已转办',
  closed: '已办结',
};

/** A piece of work on a referral: the statuses it needs, and its name in both languages. */
export interface ReferralWork {
  from: readonly ReferralStatus[];
  /** e.g. 'record a session on referral' (the referral's id follows). */
  en: string;
  /** e.g. '记录调解'. */
  zh: string;
}

/** Work that needs the referral in hand and not yet closed: sessions, agreements, assessments. */
export const WHILE_MEDIATING = ['accepted', 'in_progress'] as const satisfies readonly ReferralStatus[];

/** Work on a referral the agency has taken on, closed too (what follows 办结: 司法确认, legal aid, hours). */
export const TAKEN_ON = [...WHILE_MEDIATING, 'closed'] as const satisfies readonly ReferralStatus[];

/**
 * The one way into a referral for work on it: locked for the transaction, the agency's own (to
 * anyone else it does not exist: 404), and in a status the work allows (409 naming both).
 */
export async function lockWorkingReferral(
  m: EntityManager,
  actor: Actor,
  referralId: string,
  work: ReferralWork,
): Promise<InboxReferral> {
  const referral = await m.findOne(InboxReferral, {
    where: { id: referralId },
    lock: { mode: 'pessimistic_write' },
  });
  if (!referral || !mayWorkOn(actor, referral.agencyId)) throw notFound('referral', '派单', referralId);
  assertStatus(referral, work);
  return referral;
}

/** The agency's own referral, read without a lock (for queries): 404 to anyone else. */
export async function findOwnReferral(
  m: EntityManager,
  actor: Actor,
  referralId: string,
): Promise<InboxReferral> {
  const referral = await m.findOne(InboxReferral, { where: { id: referralId } });
  if (!referral || !mayWorkOn(actor, referral.agencyId)) throw notFound('referral', '派单', referralId);
  return referral;
}

export function assertStatus(referral: InboxReferral, work: ReferralWork): void {
  if ((work.from as readonly ReferralStatus[]).includes(referral.status)) return;
  throw conflict(
    `cannot ${work.en} ${referral.id}: it is ${referral.status}, and only a referral that is ${work.from.join(' or ')} can be`,
    `派单${STATUS_ZH[referral.status]}，不能${work.zh}（只有${work.from.map((s) => STATUS_ZH[s]).join('或')}的派单可以${work.zh}）`,
  );
}

/** The facts every agency event about a referral carries. */
export const referralFacts = (referral: InboxReferral, agencyKind: AgencyKind) => ({
  referralId: referral.id,
  caseId: referral.caseId,
  agencyId: referral.agencyId,
  agencyKind,
});
