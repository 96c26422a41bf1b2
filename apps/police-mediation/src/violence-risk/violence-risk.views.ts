import type { ViolenceRiskAssessmentView } from '@fengqiao/contracts';
import type { ViolenceRiskAssessment } from './violence-risk-assessment.entity';

export const toViolenceRiskAssessmentView = (a: ViolenceRiskAssessment): ViolenceRiskAssessmentView => ({
  id: a.id,
  referralId: a.referralId,
  caseId: a.caseId,
  agencyId: a.agencyId,
  factors: a.factors,
  score: a.score,
  grade: a.grade,
  violenceRisk: a.violenceRisk,
  raisesRiskTo: a.raisesRiskTo ?? undefined,
  note: a.note,
  assessedAt: a.assessedAt.toISOString(),
  assessedBy: { id: a.assessedById, name: a.assessedByName },
});
