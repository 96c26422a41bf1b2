import type { LawyerChoiceView } from '@fengqiao/contracts';
import type { LawyerChoice } from './lawyer-choice.entity';

export function toLawyerChoiceView(c: LawyerChoice): LawyerChoiceView {
  return {
    id: c.id,
    referralId: c.referralId,
    caseId: c.caseId,
    agencyId: c.agencyId,
    lawyerId: c.lawyerId,
    lawyerName: c.lawyerName,
    firm: c.firm,
    chosenByPartyPositions: c.chosenByPartyPositions,
    note: c.note ?? undefined,
    status: c.status,
    conflict:
      c.conflictSource !== null
        ? {
            source: c.conflictSource,
            partyPosition: c.conflictPartyPosition!,
            partyName: c.conflictPartyName!,
            representationId: c.conflictRepresentationId!,
          }
        : undefined,
    replacedByChoiceId: c.replacedByChoiceId ?? undefined,
    replacedAt: c.replacedAt ? new Date(c.replacedAt).toISOString() : undefined,
    recordedAt: new Date(c.recordedAt).toISOString(),
    recordedBy: c.recordedByName,
  };
}
