import type { SummonsView, UnansweredSummonsView, WhistleView } from '@fengqiao/contracts';
import type { Case } from '../cases/case.entity';
import type { Whistle, WhistleSummons } from './whistle.entity';
import { iso } from '../cases/case.views';

export function toSummonsView(s: WhistleSummons, now: Date): SummonsView {
  return {
    unitId: s.unitId,
    unitName: s.unit?.name ?? '',
    unitKind: s.unit?.kind ?? 'department',
    status: s.status,
    respondBy: iso(s.respondBy)!,
    overdue: s.status === 'summoned' && now.getTime() > new Date(s.respondBy).getTime(),
    respondedAt: iso(s.respondedAt),
    respondedByName: s.respondedByName ?? undefined,
    responseSeconds: s.responseSeconds ?? undefined,
    late: s.late ?? undefined,
    responseNote: s.responseNote ?? undefined,
    supportReport: s.supportReport ?? undefined,
    supportedAt: iso(s.supportedAt),
    supportedByName: s.supportedByName ?? undefined,
  };
}

export function toWhistleView(w: Whistle, kase: Case, summons: WhistleSummons[], now: Date): WhistleView {
  return {
    id: w.id,
    caseId: w.caseId,
    caseNumber: kase.caseNumber,
    caseTitle: kase.title,
    jurisdictionCode: kase.jurisdictionCode,
    urgency: w.urgency,
    reason: w.reason,
    status: w.status,
    raisedById: w.raisedById,
    raisedByName: w.raisedByName,
    raisedByRole: w.raisedByRole,
    raisedByUnitId: w.raisedByUnitId ?? undefined,
    raisedByUnitName: w.raisedByUnit?.name ?? undefined,
    blownAt: iso(w.blownAt)!,
    respondBy: iso(w.respondBy)!,
    closedAt: iso(w.closedAt),
    closedByName: w.closedByName ?? undefined,
    closingNote: w.closingNote ?? undefined,
    summons: [...summons].sort((a, b) => a.position - b.position).map((s) => toSummonsView(s, now)),
  };
}

export function toUnansweredView(s: WhistleSummons, now: Date): UnansweredSummonsView {
  const w = s.whistle!;
  const kase = s.case!;
  return {
    whistleId: s.whistleId,
    whistleStatus: w.status,
    urgency: w.urgency,
    caseId: s.caseId,
    caseNumber: kase.caseNumber,
    caseTitle: kase.title,
    jurisdictionCode: kase.jurisdictionCode,
    unitId: s.unitId,
    unitName: s.unit?.name ?? '',
    unitKind: s.unit?.kind ?? 'department',
    raisedByName: w.raisedByName,
    blownAt: iso(w.blownAt)!,
    respondBy: iso(s.respondBy)!,
    overdueSeconds: Math.max(0, Math.floor((now.getTime() - new Date(s.respondBy).getTime()) / 1000)),
  };
}
