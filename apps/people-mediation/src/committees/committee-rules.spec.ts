import type { CommitteeKind, SetCommitteeProfileRequest } from '@fengqiao/contracts';
import { membershipProblems, routingProblems, type DispatchAgency } from './committee-rules';

const agency = (specialties: string[]): DispatchAgency => ({
  id: '6a1f0c00-0000-4000-8000-000000000303',
  kind: 'people',
  jurisdictionCode: '370781000000',
  specialties,
});
const profile = (committeeKind: CommitteeKind, disputeTypes: string[], membersCount = 5) =>
  ({
    committeeKind,
    disputeTypes,
    membersCount,
    name: '调委会',
    establishedOn: '2010-01-01',
    directorName: '张主任',
  }) as SetCommitteeProfileRequest;
const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('a profile agrees with how dispatch routes to the committee', () => {
  it.each([
    ['industry_medical', ['medical'], ['medical'], []],
    ['industry_traffic', ['traffic_accident'], ['traffic_accident'], []],
    ['labour', ['labour', 'work_injury'], ['labour', 'work_injury'], []],
    ['industry_medical', [], ['medical'], ['committeeKind']],
    ['industry_medical', ['medical'], ['neighbour'], ['disputeTypes', 'disputeTypes']],
    ['village', ['medical'], ['medical'], ['committeeKind']],
    ['street', [], ['neighbour', 'medical'], []],
    ['enterprise', ['enterprise'], ['enterprise'], []],
  ] as const)('%s routed %j taking %j: problems with %j', (kind, specialties, takes, expected) => {
    expect(fields(routingProblems(profile(kind, [...takes]), agency([...specialties])))).toEqual(expected);
  });

  it('reads a dispatch answer without specialties as a general agency', () => {
    const withoutSpecialties = { ...agency([]), specialties: undefined };
    expect(
      fields(routingProblems(profile('industry_traffic', ['traffic_accident']), withoutSpecialties)),
    ).toEqual(['committeeKind']);
  });
});

describe('membership and founding date', () => {
  it.each([
    ['village', 3, []],
    ['village', 9, []],
    ['community', 10, ['membersCount']],
    ['enterprise', 2, ['membersCount']],
    ['street', 25, []],
    ['industry_medical', 2, ['membersCount']],
  ] as const)('a %s committee of %i members: problems with %j', (kind, n, expected) => {
    expect(fields(membershipProblems(profile(kind, ['neighbour'], n), '2026-01-01'))).toEqual(expected);
  });

  it('refuses a founding date after today', () => {
    expect(
      fields(
        membershipProblems({ ...profile('village', ['land']), establishedOn: '2026-01-02' }, '2026-01-01'),
      ),
    ).toEqual(['establishedOn']);
  });
});
