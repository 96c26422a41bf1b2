import { isWithinJurisdiction, servesPlace, subtreePrefix } from './jurisdiction-code';

describe('subtreePrefix', () => {
  it.each([
    ['370700', '3707'],
    ['370700000000', '3707'],
    ['370781', '370781'],
    ['370781007', '370781007'],
    ['370781007000', '370781007'],
    ['370781007201', '370781007201'],
  ])('%s → %s', (code, prefix) => expect(subtreePrefix(code)).toBe(prefix));
});

describe('isWithinJurisdiction', () => {
  it('puts a place in the 辖区 of its street, district and city, and in its own', () => {
    for (const area of ['370781007000', '370781007', '370781000000', '370781', '370700000000'])
      expect([area, isWithinJurisdiction('370781007201', area)]).toEqual([area, true]);
    expect(isWithinJurisdiction('370781007201', '370781007201')).toBe(true);
  });

  it('keeps out a neighbouring street, a sibling community and anything above the area', () => {
    expect(isWithinJurisdiction('370781001025', '370781007000')).toBe(false);
    expect(isWithinJurisdiction('370781007202', '370781007201')).toBe(false);
    expect(isWithinJurisdiction('370781007000', '370781007201')).toBe(false);
    expect(isWithinJurisdiction('370781000000', '370781007000')).toBe(false);
  });
});

describe('servesPlace', () => {
  it('lets a unit serve the places at, below and above it, never a neighbouring street', () => {
    expect(servesPlace('370781000000', '370781007201')).toBe(true); // the city's 医调委 for a village
    expect(servesPlace('370781007201', '370781007000')).toBe(true); // a village unit in its street
    expect(servesPlace('370781001000', '370781007000')).toBe(false); // 王府街道 for 黄楼街道
  });
});
