import type { EntityManager } from 'typeorm';
import { subtreePrefix, type Actor } from '@fengqiao/contracts';
import { forbidden, notFound } from '@fengqiao/errors';
import { InboxReferral } from '../inbox/inbox-referral.entity';
import { mayWorkOn } from '../inbox/working-referrals';

/**
 * Who may read an agency's mediators, sessions and follow-ups: its own staff and mediators, and
 * coordinators of a 辖区 the agency serves (the gateway checks the area). Only the agency's own people
 * work on them.
 */
export const mayRead = (actor: Actor, agencyId: string): boolean =>
  actor.role === 'coordinator' || mayWorkOn(actor, agencyId);

/**
 * The cases a coordinator may see in an agency's lists, as a LIKE pattern on the referral's
 * jurisdiction_code: their own 辖区's, even in an agency serving a wider area (the city's 医调委).
 * Null for everyone else (an agency's own people see all of its rows).
 */
export const coordinatorArea = (actor: Actor): string | null =>
  actor.role === 'coordinator' && actor.jurisdictionCode ? `${subtreePrefix(actor.jurisdictionCode)}%` : null;

/** For a list named by its agency: another agency's staff are told no (403), as with the inbox. */
export function assertMayRead(actor: Actor, agencyId: string): void {
  if (!mayRead(actor, agencyId)) throw forbidden('this belongs to another agency', '无权查看其他单位的信息');
}

/** The roster is kept by the agency's own staff (agency_staff), not by its mediators. */
export function assertKeepsRoster(actor: Actor, agencyId: string): void {
  if (actor.role !== 'agency_staff' || actor.agencyId !== agencyId)
    throw forbidden(
      "only the agency's own staff register and update its mediators",
      '只有本单位工作人员可以登记和维护调解员',
    );
}

/** A referral to read about (its sessions, its follow-up): 404 to whoever may not read it. */
export async function findReadableReferral(
  m: EntityManager,
  actor: Actor,
  referralId: string,
): Promise<InboxReferral> {
  const referral = await m.findOne(InboxReferral, { where: { id: referralId } });
  if (!referral || !mayRead(actor, referral.agencyId)) throw notFound('referral', '派单', referralId);
  return referral;
}
