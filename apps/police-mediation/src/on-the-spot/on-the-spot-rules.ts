import type { RecordOnTheSpotMediationRequest } from '@fengqiao/contracts';
import type { FieldProblem } from '@fengqiao/errors';

const LOWEST_LEVEL_ZH = '较大以上风险或有民转刑风险的纠纷不能当场了结，须登记派单';
/** Clocks of a phone in the field run a little ahead; a few minutes is not "the future". */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * What makes an on-the-spot record unacceptable (422): settling on the spot is allowed only at the
 * lowest level, a 一般 risk with no 民转刑 risk; anything more serious must be registered for
 * dispatch (not settled). And a dispute cannot have happened in the future.
 */
export function onTheSpotProblems(
  input: Pick<RecordOnTheSpotMediationRequest, 'outcome' | 'riskLevel' | 'violenceRisk' | 'occurredAt'>,
  now = new Date(),
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.outcome === 'settled' && input.riskLevel !== 'general') {
    problems.push({
      field: 'riskLevel',
      reason: `a dispute of ${input.riskLevel} risk cannot be settled on the spot: record it not_settled for dispatch`,
      reasonZh: LOWEST_LEVEL_ZH,
    });
  }
  if (input.outcome === 'settled' && input.violenceRisk) {
    problems.push({
      field: 'violenceRisk',
      reason:
        'a dispute at risk of turning criminal cannot be settled on the spot: record it not_settled for dispatch',
      reasonZh: LOWEST_LEVEL_ZH,
    });
  }
  if (Date.parse(input.occurredAt) > now.getTime() + CLOCK_SKEW_MS) {
    problems.push({ field: 'occurredAt', reason: 'is in the future', reasonZh: '发生时间不能晚于当前时间' });
  }
  return problems;
}
