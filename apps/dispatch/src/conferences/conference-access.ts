import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Actor, ConferenceStatus } from '@fengqiao/contracts';
import { forbidden, notFound } from '@fengqiao/errors';
import { Case } from '../cases/case.entity';
import { caseScopeOf } from '../cases/case-scope';
import { Conference, ConferenceParticipant, ConferenceTask } from './conference.entity';

export const CONFERENCE_STATUS_ZH: Record<ConferenceStatus, string> = {
  scheduled: '已安排，未召开',
  held: '已召开',
  closed: '已办结',
};

/** A coordinator whose 辖区 holds the case: the one who convenes, minutes and tasks a conference. */
export function assertCoordinatorOver(
  actor: Actor,
  kase: Pick<Case, 'jurisdictionCode'>,
  what: string,
): void {
  const scope = caseScopeOf(actor);
  if (
    actor.role !== 'coordinator' ||
    scope.kind !== 'subtree' ||
    !kase.jurisdictionCode.startsWith(scope.prefix)
  ) {
    throw forbidden(
      `only a coordinator over the case's jurisdiction may ${what}`,
      '只有案件所在辖区的综治中心协调员可以进行此操作',
    );
  }
}

/**
 * Who sees a conference: coordinators, leaders and reporters when its case lies in their 辖区
 * subtree; agency staff and mediators when their unit takes part or holds one of its tasks.
 */
export function canSeeConference(
  actor: Actor,
  kase: Pick<Case, 'jurisdictionCode'>,
  unitIds: readonly string[],
): boolean {
  const scope = caseScopeOf(actor);
  switch (scope.kind) {
    case 'subtree':
      return kase.jurisdictionCode.startsWith(scope.prefix);
    case 'agency':
      return unitIds.includes(scope.agencyId);
    case 'none':
      return false;
  }
}

/** The same rule in SQL for a query on conferences (alias `cf`) joined to their case (alias `c`). */
export function whereConferenceVisible<T extends object>(
  qb: SelectQueryBuilder<T>,
  actor: Actor,
): SelectQueryBuilder<T> {
  const scope = caseScopeOf(actor);
  switch (scope.kind) {
    case 'subtree':
      return qb.andWhere('c.jurisdiction_code LIKE :scopePrefix', { scopePrefix: `${scope.prefix}%` });
    case 'agency':
      return qb.andWhere(
        '(EXISTS (SELECT 1 FROM dispatch.conference_participants vp WHERE vp.conference_id = cf.id AND vp.unit_id = :scopeUnit)' +
          ' OR EXISTS (SELECT 1 FROM dispatch.conference_tasks vt WHERE vt.conference_id = cf.id AND vt.unit_id = :scopeUnit))',
        { scopeUnit: scope.agencyId },
      );
    case 'none':
      return qb.andWhere('1 = 0');
  }
}

/** Units on a conference: its participants and the units holding its tasks. */
export async function conferenceUnitIds(m: EntityManager, conferenceId: string): Promise<string[]> {
  const [participants, tasks] = [
    await m.find(ConferenceParticipant, { where: { conferenceId }, select: { unitId: true } }),
    await m.find(ConferenceTask, { where: { conferenceId }, select: { unitId: true } }),
  ];
  return [...new Set([...participants.map((p) => p.unitId), ...tasks.map((t) => t.unitId)])];
}

/**
 * Loads a conference for a change, locked so minutes, tasks and the closing are serialised, with
 * its case; one the actor may not see reads as "not found".
 */
export async function loadConferenceForUpdate(
  m: EntityManager,
  actor: Actor,
  conferenceId: string,
): Promise<{ conference: Conference; kase: Case }> {
  const conference = await m.findOne(Conference, {
    where: { id: conferenceId },
    lock: { mode: 'pessimistic_write' },
  });
  if (!conference) throw notFound('conference', '联席会议', conferenceId);
  const kase = await m.findOneByOrFail(Case, { id: conference.caseId });
  if (!canSeeConference(actor, kase, await conferenceUnitIds(m, conferenceId))) {
    throw notFound('conference', '联席会议', conferenceId);
  }
  return { conference, kase };
}
