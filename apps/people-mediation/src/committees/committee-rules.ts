import type { CommitteeKind, SetCommitteeProfileRequest, StationKind, UnitKind } from '@fengqiao/contracts';
import type { FieldProblem } from '@fengqiao/errors';

/** What the profile rules need to know of a dispatch agency (routing's side of the story). */
export interface DispatchAgency {
  id: string;
  kind: UnitKind;
  jurisdictionCode: string;
  /** The dispute types dispatch routes to it alone (医调委: medical); empty for a general one. */
  specialties?: string[];
}

/** The dispute type an industry committee exists for, and dispatch must route to it. */
export const INDUSTRY_DISPUTE_TYPE: Partial<Record<CommitteeKind, string>> = {
  industry_medical: 'medical',
  industry_traffic: 'traffic_accident',
  labour: 'labour',
};

/** 人民调解法 第八条: a village, residents' or enterprise committee has three to nine members. */
const LAW_BOUND_KINDS: readonly CommitteeKind[] = ['village', 'community', 'enterprise'];

/** The unit kind a committee stationed there must be stationed in, where the hub can tell. */
const STATION_UNIT_KIND: Partial<Record<StationKind, UnitKind>> = {
  police_station: 'police',
  judicial_office: 'judicial',
  court: 'department',
};

const problem = (field: string, reason: string, reasonZh: string): FieldProblem => ({
  field,
  reason,
  reasonZh,
});

export function notAPeoplesAgency(agency: DispatchAgency): FieldProblem | null {
  if (agency.kind === 'people') return null;
  return problem(
    'agencyId',
    `agency ${agency.id} is of kind ${agency.kind}, not a people's mediation committee`,
    '该单位不是人民调解委员会',
  );
}

/**
 * The profile must agree with how dispatch routes to the agency: an industry committee is routed
 * its own dispute type, a committee routed such a type is that industry's, and a specialised
 * committee takes only what it is routed.
 */
export function routingProblems(profile: SetCommitteeProfileRequest, agency: DispatchAgency): FieldProblem[] {
  const specialties = agency.specialties ?? [];
  const problems: FieldProblem[] = [];
  const own = INDUSTRY_DISPUTE_TYPE[profile.committeeKind];
  if (own && !specialties.includes(own)) {
    problems.push(
      problem(
        'committeeKind',
        `committee kind ${profile.committeeKind} needs dispatch to route ${own} disputes to the agency, but its specialties are [${specialties.join(', ')}]`,
        `行业性调委会须在派单中专门承接“${own}”类纠纷，但派单系统登记的专长为［${specialties.join('、')}］`,
      ),
    );
  }
  const claimedBy = own
    ? undefined
    : Object.entries(INDUSTRY_DISPUTE_TYPE).find(([, type]) => specialties.includes(type));
  if (claimedBy) {
    problems.push(
      problem(
        'committeeKind',
        `dispatch routes ${claimedBy[1]} disputes to this agency: its committee kind is ${claimedBy[0]}`,
        `派单系统向该单位专门派送“${claimedBy[1]}”类纠纷，其类别应为 ${claimedBy[0]}`,
      ),
    );
  }
  if (own && !profile.disputeTypes.includes(own)) {
    problems.push(
      problem(
        'disputeTypes',
        `committee kind ${profile.committeeKind} takes ${own}`,
        `该调委会须承接“${own}”类纠纷`,
      ),
    );
  }
  const outside = specialties.length ? profile.disputeTypes.filter((t) => !specialties.includes(t)) : [];
  if (outside.length) {
    problems.push(
      problem(
        'disputeTypes',
        `dispatch routes only [${specialties.join(', ')}] to this committee, not [${outside.join(', ')}]`,
        `派单系统只向该调委会派送［${specialties.join('、')}］类纠纷，不含［${outside.join('、')}］`,
      ),
    );
  }
  return problems;
}

export function membershipProblems(profile: SetCommitteeProfileRequest, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const n = profile.membersCount;
  if (LAW_BOUND_KINDS.includes(profile.committeeKind) && (n < 3 || n > 9)) {
    problems.push(
      problem(
        'membersCount',
        `a ${profile.committeeKind} committee has 3 to 9 members (People's Mediation Law, art. 8), not ${n}`,
        `村民委员会、居民委员会和企业事业单位设立的人民调解委员会由委员三至九人组成（人民调解法第八条），不能为${n}人`,
      ),
    );
  } else if (n < 3) {
    problems.push(
      problem(
        'membersCount',
        `a committee has at least 3 members, not ${n}`,
        `人民调解委员会至少三名委员，不能为${n}人`,
      ),
    );
  }
  if (profile.establishedOn > today) {
    problems.push(problem('establishedOn', 'may not be in the future', '成立日期不能晚于今天'));
  }
  return problems;
}

/** A committee stationed in a unit the hub knows: the unit exists, is not itself, and is of the right kind. */
export function stationProblems(
  profile: SetCommitteeProfileRequest & { agencyId: string },
  station: DispatchAgency | null,
): FieldProblem[] {
  const at = profile.stationedAt;
  if (!at?.agencyId) return [];
  const field = 'stationedAt.agencyId';
  if (!station) return [problem(field, `unit ${at.agencyId} is not known to dispatch`, '派驻单位不存在')];
  if (station.id === profile.agencyId)
    return [problem(field, 'a committee is not stationed in itself', '派驻单位不能是本调委会')];
  const expected = STATION_UNIT_KIND[at.kind];
  if (expected && station.kind !== expected)
    return [
      problem(
        field,
        `a committee stationed at a ${at.kind} is stationed in a unit of kind ${expected}, not ${station.kind}`,
        `派驻单位类别不符：应为 ${expected}，实为 ${station.kind}`,
      ),
    ];
  return [];
}
