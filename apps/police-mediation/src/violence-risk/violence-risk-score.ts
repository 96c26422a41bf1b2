import {
  VIOLENCE_RISK_FACTORS,
  type RiskLevel,
  type ViolenceRiskFactor,
  type ViolenceRiskGrade,
} from '@fengqiao/contracts';
import { unprocessableAll } from '@fengqiao/errors';

export interface ViolenceRiskScore {
  score: number;
  grade: ViolenceRiskGrade;
  /** High grade only: the case is flagged 民转刑. */
  violenceRisk: boolean;
  /** High grade only: the case's risk is raised to at least this. */
  raisesRiskTo?: RiskLevel;
}

const isFactor = (code: string): code is ViolenceRiskFactor => Object.hasOwn(VIOLENCE_RISK_FACTORS, code);

/** The factors as checklist codes; 422 naming each one the checklist does not have. */
export function checklistFactors(codes: readonly string[]): ViolenceRiskFactor[] {
  const unknown = codes.flatMap((code, i) => (isFactor(code) ? [] : [{ code, i }]));
  if (unknown.length > 0) {
    throw unprocessableAll(
      unknown.map(({ code, i }) => ({
        field: `factors[${i}]`,
        reason: `${code} is not on the checklist (${Object.keys(VIOLENCE_RISK_FACTORS).join(', ')})`,
        reasonZh: `${code} 不是民转刑风险评估表中的因素`,
      })),
    );
  }
  return codes as ViolenceRiskFactor[];
}

/**
 * The sum of the factors' weights, capped at 100: below 30 low, below 60 medium, otherwise high.
 * High flags 民转刑 and raises the case to 重大, or 特别重大 from 80.
 */
export function scoreViolenceRisk(factors: readonly ViolenceRiskFactor[]): ViolenceRiskScore {
  const score = Math.min(
    100,
    factors.reduce((sum, f) => sum + VIOLENCE_RISK_FACTORS[f].weight, 0),
  );
  if (score < 30) return { score, grade: 'low', violenceRisk: false };
  if (score < 60) return { score, grade: 'medium', violenceRisk: false };
  return {
    score,
    grade: 'high',
    violenceRisk: true,
    raisesRiskTo: score >= 80 ? 'especially_major' : 'major',
  };
}
