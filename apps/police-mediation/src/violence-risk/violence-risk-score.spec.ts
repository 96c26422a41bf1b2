import type { HubError } from '@fengqiao/errors';
import { checklistFactors, scoreViolenceRisk } from './violence-risk-score';

describe('scoreViolenceRisk', () => {
  it('grades by the sum of the weights: low below 30, medium below 60, high from 60', () => {
    expect(scoreViolenceRisk([])).toEqual({ score: 0, grade: 'low', violenceRisk: false });
    expect(scoreViolenceRisk(['alcohol_or_drugs', 'escalating'])).toEqual({
      score: 25,
      grade: 'low',
      violenceRisk: false,
    });
    expect(scoreViolenceRisk(['threats_of_harm'])).toMatchObject({ score: 30, grade: 'medium' });
    expect(scoreViolenceRisk(['threats_of_harm', 'prior_violence', 'escalating'])).toEqual({
      score: 65,
      grade: 'high',
      violenceRisk: true,
      raisesRiskTo: 'major',
    });
    expect(scoreViolenceRisk(['threats_of_harm', 'weapons_involved'])).toMatchObject({
      score: 60,
      grade: 'high',
      raisesRiskTo: 'major',
    });
  });

  it('raises to 特别重大 from 80 and caps the score at 100', () => {
    expect(scoreViolenceRisk(['threats_of_harm', 'weapons_involved', 'prior_violence'])).toMatchObject({
      score: 80,
      raisesRiskTo: 'especially_major',
    });
    const all = checklistFactors([
      'threats_of_harm',
      'weapons_involved',
      'prior_violence',
      'alcohol_or_drugs',
      'mental_health_concern',
      'repeated_conflict',
      'extreme_statements',
      'vulnerable_party',
      'property_destroyed',
      'escalating',
    ]);
    expect(scoreViolenceRisk(all)).toEqual({
      score: 100,
      grade: 'high',
      violenceRisk: true,
      raisesRiskTo: 'especially_major',
    });
  });
});

describe('checklistFactors', () => {
  it('answers 422 naming each factor the checklist does not have', () => {
    let error: HubError | undefined;
    try {
      checklistFactors(['threats_of_harm', 'knife', 'toString']);
    } catch (e) {
      error = e as HubError;
    }
    expect(error?.status).toBe(422);
    expect(error?.fields?.map((f) => f.field)).toEqual(['factors[1]', 'factors[2]']);
    expect(error?.fields?.[0].reason).toMatch(/^knife is not on the checklist/);
  });
});
