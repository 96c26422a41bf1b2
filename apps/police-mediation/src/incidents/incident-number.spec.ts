import type { HubError } from '@fengqiao/errors';
import { incidentNumberOf } from './incident-number';

const refusal = (raw: string): HubError => {
  try {
    incidentNumberOf(raw);
  } catch (e) {
    return e as HubError;
  }
  throw new Error(`${raw} was accepted`);
};

describe('incidentNumberOf', () => {
  it('stores a 110 incident number trimmed and in upper case', () => {
    expect(incidentNumberOf(' j3707812026112300012 ')).toBe('J3707812026112300012');
    expect(incidentNumberOf('JJ-2026-0001')).toBe('JJ-2026-0001');
  });

  it('answers 422 naming the field for anything else', () => {
    for (const raw of ['J37', '警情2026001', 'J3707 8120', 'x'.repeat(41)]) {
      const e = refusal(raw);
      expect([e.status, e.fields?.map((f) => f.field)]).toEqual([422, ['incidentNumber']]);
    }
  });
});
