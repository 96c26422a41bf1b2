import type { ConferenceTaskView, ConferenceView } from '@fengqiao/contracts';
import type { Case } from '../cases/case.entity';
import type { Conference, ConferenceParticipant, ConferenceTask } from './conference.entity';
import { iso } from '../cases/case.views';

export function toConferenceTaskView(t: ConferenceTask, caseNumber: string, now: Date): ConferenceTaskView {
  const due = new Date(t.dueAt).getTime();
  return {
    id: t.id,
    conferenceId: t.conferenceId,
    caseId: t.caseId,
    caseNumber,
    unitId: t.unitId,
    unitName: t.unit?.name ?? '',
    description: t.description,
    dueAt: iso(t.dueAt)!,
    status: t.status,
    overdue: t.status === 'open' ? now.getTime() > due : !!t.closedAt && new Date(t.closedAt).getTime() > due,
    issuedAt: iso(t.issuedAt)!,
    issuedByName: t.issuedByName,
    result: t.result ?? undefined,
    closedAt: iso(t.closedAt),
    closedByName: t.closedByName ?? undefined,
  };
}

export function toConferenceView(
  cf: Conference,
  kase: Case,
  participants: ConferenceParticipant[],
  tasks: ConferenceTask[],
  now: Date,
): ConferenceView {
  return {
    id: cf.id,
    caseId: cf.caseId,
    caseNumber: kase.caseNumber,
    caseTitle: kase.title,
    jurisdictionCode: kase.jurisdictionCode,
    ladderLevel: cf.ladderLevel,
    status: cf.status,
    scheduledFor: iso(cf.scheduledFor)!,
    place: cf.place,
    participants: [...participants]
      .sort((a, b) => a.position - b.position)
      .map((p) => ({
        unitId: p.unitId,
        unitName: p.unit?.name ?? '',
        unitKind: p.unit?.kind ?? 'department',
      })),
    scheduledByName: cf.scheduledByName,
    scheduledAt: iso(cf.scheduledAt)!,
    minutes: cf.minutes ?? undefined,
    heldAt: iso(cf.heldAt),
    minutesRecordedByName: cf.minutesRecordedByName ?? undefined,
    closedAt: iso(cf.closedAt),
    tasks: [...tasks]
      .sort((a, b) => new Date(a.issuedAt).getTime() - new Date(b.issuedAt).getTime())
      .map((t) => toConferenceTaskView(t, kase.caseNumber, now)),
  };
}
