import { attachment } from './attachment';

describe('attachment', () => {
  it('names the file in UTF-8 (RFC 5987) with an ASCII fallback', () => {
    expect(attachment('工作台账_2026-01-01_2026-06-30.xlsx', 'ledger_2026-01-01_2026-06-30.xlsx')).toBe(
      `attachment; filename="ledger_2026-01-01_2026-06-30.xlsx"; filename*=UTF-8''%E5%B7%A5%E4%BD%9C%E5%8F%B0%E8%B4%A6_2026-01-01_2026-06-30.xlsx`,
    );
    // RFC 5987 attr-chars exclude ' ( ) *, which encodeURIComponent leaves alone.
    expect(attachment("a'(b)*.pdf", 'x"y\\.pdf')).toBe(
      `attachment; filename="x_y_.pdf"; filename*=UTF-8''a%27%28b%29%2A.pdf`,
    );
  });
});
