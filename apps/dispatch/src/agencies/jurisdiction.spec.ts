import { ancestorCodes, servesPlace, subtreePrefix, toStoredCode } from './jurisdiction.entity';

describe('jurisdiction codes', () => {
  it('stores every code as 12 digits', () => {
    expect(toStoredCode('370781')).toBe('370781000000');
    expect(toStoredCode('370781007')).toBe('370781007000');
    expect(toStoredCode('370781007201')).toBe('370781007201');
  });

  it('finds the digits a whole subtree shares', () => {
    expect(subtreePrefix('370700000000')).toBe('3707'); // 潍坊市
    expect(subtreePrefix('370781')).toBe('370781'); // 青州市
    expect(subtreePrefix('370781007000')).toBe('370781007'); // 黄楼街道
    expect(subtreePrefix('370781007201')).toBe('370781007201'); // 卢李村
  });

  it('walks from a village up to the city, nearest first', () => {
    expect(ancestorCodes('370781007201')).toEqual([
      '370781007201',
      '370781007000',
      '370781000000',
      '370700000000',
    ]);
    expect(ancestorCodes('370781007')).toEqual(['370781007000', '370781000000', '370700000000']);
    expect(ancestorCodes('370700000000')).toEqual(['370700000000']);
  });

  it('a unit serves its own place, the places below it, and nothing beside it', () => {
    expect(servesPlace('370781007000', '370781007201')).toBe(true); // the town's unit for a village
    expect(servesPlace('370781000000', '370781007201')).toBe(true); // a city-level committee
    expect(servesPlace('370781007201', '370781007000')).toBe(true); // a village unit in a town's case
    expect(servesPlace('370781001000', '370781007201')).toBe(false); // another street
    expect(servesPlace('370781007202', '370781007201')).toBe(false); // the next village
  });
});
