import { onTheSpotProblems } from './on-the-spot-rules';

const now = new Date('2026-11-23T10:00:00+08:00');
const lowest = {
  outcome: 'settled',
  riskLevel: 'general',
  violenceRisk: false,
  occurredAt: '2026-11-23T09:30:00+08:00',
} as const;
const fields = (over: object) => onTheSpotProblems({ ...lowest, ...over }, now).map((p) => p.field);

describe('onTheSpotProblems', () => {
  it('lets the lowest level be settled on the spot', () => {
    expect(onTheSpotProblems(lowest, now)).toEqual([]);
  });

  it('refuses to settle anything above 一般 risk or with 民转刑 risk, naming each field', () => {
    for (const riskLevel of ['serious', 'major', 'especially_major'])
      expect(fields({ riskLevel })).toEqual(['riskLevel']);
    expect(fields({ violenceRisk: true })).toEqual(['violenceRisk']);
    const both = onTheSpotProblems({ ...lowest, riskLevel: 'major', violenceRisk: true }, now);
    expect(both.map((p) => [p.field, p.reasonZh])).toEqual([
      ['riskLevel', '较大以上风险或有民转刑风险的纠纷不能当场了结，须登记派单'],
      ['violenceRisk', '较大以上风险或有民转刑风险的纠纷不能当场了结，须登记派单'],
    ]);
  });

  it('records a serious dispute that was not settled, for dispatch', () => {
    expect(fields({ outcome: 'not_settled', riskLevel: 'major', violenceRisk: true })).toEqual([]);
  });

  it('refuses a dispute that happened in the future, allowing a few minutes of clock skew', () => {
    expect(fields({ occurredAt: '2026-11-23T10:04:00+08:00' })).toEqual([]);
    expect(fields({ occurredAt: '2026-11-23T11:00:00+08:00' })).toEqual(['occurredAt']);
  });
});
