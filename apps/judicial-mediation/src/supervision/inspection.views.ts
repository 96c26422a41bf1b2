import type { CommitteeInspectionView, RectificationView } from '@fengqiao/contracts';
import type { CommitteeInspection, Rectification } from './committee-inspection.entity';

export function toRectificationView(r: Rectification, today: string): RectificationView {
  return {
    n: r.n,
    item: r.item,
    dueBy: r.dueBy,
    overdue: !r.doneAt && r.dueBy < today,
    ...(r.doneAt ? { doneAt: r.doneAt.toISOString() } : {}),
    ...(r.doneNote ? { doneNote: r.doneNote } : {}),
  };
}

export function toInspectionView(
  i: CommitteeInspection,
  rectifications: Rectification[],
  today: string,
): CommitteeInspectionView {
  const ordered = [...rectifications].sort((a, b) => a.n - b.n);
  return {
    id: i.id,
    agencyId: i.agencyId,
    committeeAgencyId: i.committeeAgencyId,
    committeeName: i.committeeName,
    inspectedAt: i.inspectedAt.toISOString(),
    findings: i.findings,
    rating: i.rating,
    rectifications: ordered.map((r) => toRectificationView(r, today)),
    openRectifications: ordered.filter((r) => !r.doneAt).length,
    recordedAt: i.recordedAt.toISOString(),
  };
}
