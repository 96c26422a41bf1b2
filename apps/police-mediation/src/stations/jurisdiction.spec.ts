import { districtOf } from './jurisdiction';

describe('districtOf', () => {
  it('names the district of a code', () => {
    expect(districtOf('370781007201')).toBe('370781');
  });
});
