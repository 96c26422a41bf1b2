import type { EntityManager } from 'typeorm';
import { notFound } from '@fengqiao/errors';
import { LawyerProfile } from './lawyer-profile.entity';

/**
 * One of the studio's lawyers with their kit mediator, or null (unknown, or another studio's).
 * `lock` takes the profile row for the transaction: the lawyer's daily hours are summed under it.
 */
export function findStudioLawyer(
  m: EntityManager,
  agencyId: string,
  lawyerId: string,
  lock = false,
): Promise<LawyerProfile | null> {
  const qb = m
    .getRepository(LawyerProfile)
    .createQueryBuilder('p')
    .innerJoinAndSelect('p.mediator', 'm')
    .where('p.mediator_id = :lawyerId AND m.agency_id = :agencyId', { lawyerId, agencyId });
  if (lock) qb.setLock('pessimistic_write', undefined, ['p']);
  return qb.getOne();
}

/** The studio's lawyer a route names: 404 for anyone else's (another studio's does not exist for you). */
export async function getStudioLawyer(
  m: EntityManager,
  agencyId: string,
  lawyerId: string,
  lock = false,
): Promise<LawyerProfile> {
  const lawyer = await findStudioLawyer(m, agencyId, lawyerId, lock);
  if (!lawyer) throw notFound('lawyer', '律师', lawyerId);
  return lawyer;
}
