import type { JudicialConfirmationView } from '@fengqiao/contracts';
import type { JudicialConfirmation } from './judicial-confirmation.entity';

const iso = (d: Date | null) => (d ? d.toISOString() : undefined);
const DAY_MS = 86_400_000;
/** Whole days from one YYYY-MM-DD to another; negative once the deadline has passed. */
const daysLeft = (today: string, deadline: string) =>
  Math.round((Date.parse(deadline) - Date.parse(today)) / DAY_MS);

/** `today` (Beijing) gives the days left to file while the application is still unfiled. */
export function toConfirmationView(c: JudicialConfirmation, today: string): JudicialConfirmationView {
  return {
    id: c.id,
    agencyId: c.agencyId,
    referralId: c.referralId,
    caseId: c.caseId,
    caseNumber: c.caseNumber,
    agreementId: c.agreementId,
    agreementNumber: c.agreementNumber,
    agreementSignedAt: c.agreementSignedAt.toISOString(),
    deadline: c.deadline,
    ...(c.status === 'prepared' ? { daysLeft: daysLeft(today, c.deadline) } : {}),
    court: c.court,
    applicants: c.applicants.map((a) => ({
      position: a.position,
      name: a.name,
      role: a.role,
      ...(a.idNumberMasked ? { idNumber: a.idNumberMasked } : {}),
    })),
    ...(c.note ? { note: c.note } : {}),
    status: c.status,
    applicationSha256: c.applicationSha256,
    applicationBytes: c.applicationBytes,
    preparedAt: c.preparedAt.toISOString(),
    filedAt: iso(c.filedAt),
    ...(c.courtCaseNumber ? { courtCaseNumber: c.courtCaseNumber } : {}),
    ...(c.result ? { result: c.result } : {}),
    decidedAt: iso(c.decidedAt),
    ...(c.rulingNumber ? { rulingNumber: c.rulingNumber } : {}),
    ...(c.reason ? { reason: c.reason } : {}),
  };
}
