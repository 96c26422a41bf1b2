import { movesForward } from './referral.entity';

describe('referral status order', () => {
  it('only moves forward, so a late or replayed agency event cannot undo a later one', () => {
    expect(movesForward('issued', 'accepted')).toBe(true);
    expect(movesForward('issued', 'closed')).toBe(true);
    expect(movesForward('accepted', 'closed')).toBe(true);
    expect(movesForward('closed', 'accepted')).toBe(false);
    expect(movesForward('accepted', 'accepted')).toBe(false);
  });
});
