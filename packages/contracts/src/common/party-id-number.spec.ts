import { isSocialCreditCode } from './party-id-number';

describe('统一社会信用代码 (GB 32100)', () => {
  it('accepts codes whose check character matches', () => {
    expect(isSocialCreditCode('91350100M000100Y43')).toBe(true);
    expect(isSocialCreditCode('91110000600037341L')).toBe(true);
  });

  it('rejects a wrong check character, a bad letter or a wrong length', () => {
    expect(isSocialCreditCode('91350100M000100Y44')).toBe(false);
    expect(isSocialCreditCode('91350100I000100Y43')).toBe(false);
    expect(isSocialCreditCode('91350100M000100Y4')).toBe(false);
  });
});
