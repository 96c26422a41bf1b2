import type { ProBonoHoursView } from '@fengqiao/contracts';
import type { ProBonoEntry } from './pro-bono-entry.entity';

export function toProBonoHoursView(e: ProBonoEntry, lawyerName: string): ProBonoHoursView {
  return {
    id: e.id,
    agencyId: e.agencyId,
    lawyerId: e.lawyerId,
    lawyerName,
    referralId: e.referralId,
    caseId: e.caseId,
    date: e.workDate,
    hours: e.halfHours / 2,
    activity: e.activity,
    recordedAt: new Date(e.recordedAt).toISOString(),
    recordedBy: e.recordedByName,
  };
}
