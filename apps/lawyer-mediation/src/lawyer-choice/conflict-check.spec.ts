import type { PartyLookupEntry } from '@fengqiao/contracts';
import { findConflict, isSameClient, maskPartyName, type PriorClient } from './conflict-check';

const party = (over: Partial<PartyLookupEntry> = {}): PartyLookupEntry => ({
  position: 0,
  name: '王某某',
  kind: 'person',
  role: 'applicant',
  nameHash: 'name-wang',
  ...over,
});
const prior = (over: Partial<PriorClient> = {}): PriorClient => ({
  id: 'r1',
  lawyerId: 'lawyer-a',
  clientNameHash: 'name-other',
  clientIdNumberHash: null,
  ...over,
});

describe('the conflict-of-interest check', () => {
  it('matches by ID number when both sides have one, whatever the names', () => {
    expect(isSameClient(party({ idNumberHash: 'id-1' }), prior({ clientIdNumberHash: 'id-1' }))).toBe(true);
    expect(
      isSameClient(
        party({ idNumberHash: 'id-1' }),
        prior({ clientIdNumberHash: 'id-2', clientNameHash: 'name-wang' }),
      ),
    ).toBe(false);
  });

  it('matches by name when either side has no ID number', () => {
    expect(isSameClient(party(), prior({ clientNameHash: 'name-wang', clientIdNumberHash: 'id-9' }))).toBe(
      true,
    );
    expect(isSameClient(party({ idNumberHash: 'id-1' }), prior({ clientNameHash: 'name-wang' }))).toBe(true);
    expect(isSameClient(party(), prior())).toBe(false);
  });

  it("names the lawyer's own history before the firm's", () => {
    const parties = [party(), party({ position: 1, name: '李某', nameHash: 'name-li' })];
    const firm = prior({ id: 'by-colleague', lawyerId: 'lawyer-b', clientNameHash: 'name-wang' });
    const own = prior({ id: 'by-lawyer', clientNameHash: 'name-li' });
    expect(findConflict('lawyer-a', parties, [firm, own])).toEqual({
      source: 'lawyer',
      party: parties[1],
      representationId: 'by-lawyer',
    });
    expect(findConflict('lawyer-a', parties, [firm])).toMatchObject({ source: 'firm', party: parties[0] });
    expect(findConflict('lawyer-a', parties, [prior()])).toBeNull();
  });

  it('masks a person but not an organisation', () => {
    expect(maskPartyName({ name: '王某某', kind: 'person' })).toBe('王**');
    expect(maskPartyName({ name: '李', kind: 'person' })).toBe('李*');
    expect(maskPartyName({ name: '青州市某某物业有限公司', kind: 'organisation' })).toBe(
      '青州市某某物业有限公司',
    );
  });
});
