import { formatCaseNumber, yearInShanghai } from './case-number';

describe('case numbers', () => {
  it('count the year in China Standard Time', () => {
    expect(yearInShanghai(new Date('2026-12-31T15:59:59Z'))).toBe(2026); // 23:59:59 in Beijing
    expect(yearInShanghai(new Date('2026-12-31T16:00:00Z'))).toBe(2027); // already New Year's Day there
  });

  it('read district-year-sequence', () => {
    expect(formatCaseNumber('370781', 2026, 42)).toBe('370781-2026-000042');
  });
});
