import { addressKey } from './repeat-detection';

describe('address keys for repeat detection', () => {
  it('folds full-width forms, spaces and punctuation', () => {
    expect(addressKey('黄楼街道卢李村 3号')).toBe(addressKey('黄楼街道卢李村３号。'));
    expect(addressKey('黄楼街道, 卢李村-3号')).toBe('黄楼街道卢李村3号');
  });

  it('has no key for nothing or almost nothing', () => {
    expect(addressKey(undefined)).toBeNull();
    expect(addressKey('  3 ')).toBeNull();
  });
});
