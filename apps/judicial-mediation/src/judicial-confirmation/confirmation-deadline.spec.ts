import { confirmationDeadline } from './confirmation-deadline';

describe('the 30 days to apply for 司法确认 (人民调解法第33条)', () => {
  it('counts 30 days from the day after the agreement took effect', () => {
    // 2026-03-02 (Mon) + 30 = 2026-04-01 (Wed), a working day.
    expect(confirmationDeadline('2026-03-02')).toBe('2026-04-01');
    // 2026-06-10 + 30 = 2026-07-10, a Friday.
    expect(confirmationDeadline('2026-06-10')).toBe('2026-07-10');
  });

  it('ends on the first working day after a weekend', () => {
    // 2026-05-08 (Fri) + 30 = 2026-06-07, a Sunday: the period runs to Monday 2026-06-08.
    expect(confirmationDeadline('2026-05-08')).toBe('2026-06-08');
  });

  it('ends on the first working day after a statutory holiday, 调休 included', () => {
    // 2026-09-02 + 30 = 2026-10-02, inside the National Day holiday (10-01 … 10-07); 10-08 is worked.
    expect(confirmationDeadline('2026-09-02')).toBe('2026-10-08');
    // 2026-01-20 + 30 = 2026-02-19, inside the Spring Festival holiday: the period runs to 02-24.
    expect(confirmationDeadline('2026-01-20')).toBe('2026-02-24');
  });
});
