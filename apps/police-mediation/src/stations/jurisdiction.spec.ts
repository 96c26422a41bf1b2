import { districtOf, isWithin } from './jurisdiction';

describe('isWithin', () => {
  it('puts a place in the 辖区 of its street, district and city, and in its own', () => {
    for (const area of ['370781007000', '370781007', '370781000000', '370781', '370700000000'])
      expect([area, isWithin('370781007201', area)]).toEqual([area, true]);
    expect(isWithin('370781007201', '370781007201')).toBe(true);
  });

  it('keeps out a neighbouring street, a sibling community and anything above the area', () => {
    expect(isWithin('370781001025', '370781007000')).toBe(false);
    expect(isWithin('370781007202', '370781007201')).toBe(false);
    expect(isWithin('370781007000', '370781007201')).toBe(false);
    expect(isWithin('370781000000', '370781007000')).toBe(false);
  });

  it('names the district of a code', () => {
    expect(districtOf('370781007201')).toBe('370781');
  });
});
