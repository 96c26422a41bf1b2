import type { EntityManager } from 'typeorm';
import type { Actor } from '@fengqiao/contracts';
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
