import { signAccessToken } from '@fengqiao/access-token';
import { aDispute, DEMO_AGENCY, eventually } from '@fengqiao/testing';
import { DEMO_PASSWORD, TestHub } from './support/test-hub';

/**
 * Who may call what, generated from the running gateway's own route table (its OpenAPI document):
 * every route × every role, plus no token at all. A route without an expectation fails the test.
 */
const USERS = {
  coordinator: 'coordinator.huanglou',
  agency_staff: 'clerk.huanglou-committee',
  mediator: 'mediator.huanglou-committee',
  reporter: 'reporter.luli',
  leader: 'leader.qingzhou',
  admin: 'admin',
} as const;
type Role = keyof typeof USERS;
const ALL: Role[] = Object.keys(USERS) as Role[];
/** An agency's own clerk and mediators do its work; coordinators may also read its lists. */
const AGENCY_WORKERS: Role[] = ['agency_staff', 'mediator'];
const AGENCY_READERS: Role[] = ['coordinator', 'agency_staff', 'mediator'];

const EXPECTED: Record<string, Role[] | 'public'> = {
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/refresh': 'public',
  'POST /api/v1/auth/logout': 'public',
  'GET /health': 'public',
  'GET /api/v1/agencies': ALL,
  'GET /api/v1/agencies/{agencyId}': ALL,
  'GET /api/v1/agencies/{agencyId}/referrals': ['coordinator', 'agency_staff', 'mediator'],
  'POST /api/v1/cases': ['coordinator', 'reporter'],
  'GET /api/v1/cases': ['coordinator', 'reporter', 'leader', 'agency_staff', 'mediator'],
  'GET /api/v1/cases/{caseId}': ['coordinator', 'reporter', 'leader', 'agency_staff', 'mediator'],
  'POST /api/v1/cases/{caseId}/referrals': ['coordinator'],
  'GET /api/v1/referrals/{referralId}': ['coordinator', 'leader', 'agency_staff', 'mediator'],
  'POST /api/v1/referrals/{referralId}/accept': ['agency_staff', 'mediator'],
  'POST /api/v1/referrals/{referralId}/return': ['agency_staff', 'mediator'],
  'POST /api/v1/referrals/{referralId}/start': ['agency_staff', 'mediator'],
  'POST /api/v1/referrals/{referralId}/close': ['agency_staff', 'mediator'],
  'GET /api/v1/admin/audit/verify': ['admin'],
  'GET /api/v1/admin/users': ['admin'],
  'POST /api/v1/admin/users': ['admin'],
  'POST /api/v1/admin/users/{userId}/disable': ['admin'],
  'GET /api/v1/cases/{caseId}/parties/{position}/personal-data': ['coordinator', 'agency_staff', 'mediator'],
  'POST /api/v1/cases/type-suggestions': ['coordinator', 'reporter'],
  'PUT /api/v1/cases/{caseId}/dispute-type': ['coordinator'],
  'GET /api/v1/cases/{caseId}/routing-proposal': ['coordinator'],
  'POST /api/v1/cases/{caseId}/dispatch': ['coordinator'],
  'POST /api/v1/cases/{caseId}/escalations': ['coordinator'],
  'GET /api/v1/referrals': ['coordinator', 'leader'],
  'POST /api/v1/referrals/{referralId}/ruling': ['coordinator'],
  'POST /api/v1/referrals/{referralId}/transfer': ['coordinator'],
  'GET /api/v1/routing-matrix': ['coordinator', 'leader', 'admin'],
  'PUT /api/v1/routing-matrix': ['admin'],
  'GET /api/v1/dispatch-policies': ['coordinator', 'leader', 'admin'],
  'PUT /api/v1/dispatch-policies/{jurisdictionCode}': ['admin'],
  'GET /api/v1/ladders': ALL,
  'PUT /api/v1/jurisdictions/{jurisdictionCode}/ladder': ['admin'],
  'GET /api/v1/stats/not-escalated-index': ['coordinator', 'leader'],
  'POST /api/v1/cases/{caseId}/whistles': ['reporter', 'coordinator', 'agency_staff', 'mediator'],
  'GET /api/v1/whistles': ['coordinator', 'reporter', 'leader', 'agency_staff', 'mediator'],
  'GET /api/v1/whistles/unanswered': ['coordinator', 'leader'],
  'GET /api/v1/whistles/{whistleId}': ['coordinator', 'reporter', 'leader', 'agency_staff', 'mediator'],
  'POST /api/v1/whistles/{whistleId}/respond': ['agency_staff', 'mediator'],
  'POST /api/v1/whistles/{whistleId}/support': ['agency_staff', 'mediator'],
  'POST /api/v1/whistles/{whistleId}/close': ['reporter', 'coordinator', 'agency_staff', 'mediator'],
  'POST /api/v1/cases/{caseId}/conferences': ['coordinator'],
  'GET /api/v1/conferences': ['coordinator', 'reporter', 'leader', 'agency_staff', 'mediator'],
  'GET /api/v1/conferences/{conferenceId}': ['coordinator', 'reporter', 'leader', 'agency_staff', 'mediator'],
  'POST /api/v1/conferences/{conferenceId}/minutes': ['coordinator'],
  'POST /api/v1/conferences/{conferenceId}/tasks': ['coordinator'],
  'GET /api/v1/conference-tasks': ['coordinator', 'leader', 'agency_staff', 'mediator'],
  'POST /api/v1/conference-tasks/{taskId}/close': ['agency_staff', 'mediator'],
  'PUT /api/v1/cases/{caseId}/risk': ['coordinator'],
  'GET /api/v1/sla/policy': ['admin', 'coordinator', 'leader', 'agency_staff', 'mediator'],
  'PUT /api/v1/sla/policy': ['admin'],
  'POST /api/v1/sla/policy/dry-run': ['admin', 'coordinator', 'leader'],
  'GET /api/v1/sla/calendar/{year}': ['admin', 'coordinator', 'leader', 'agency_staff', 'mediator'],
  'PUT /api/v1/sla/calendar/{year}': ['admin'],
  'GET /api/v1/jurisdictions/{code}/working-hours': [
    'admin',
    'coordinator',
    'leader',
    'agency_staff',
    'mediator',
  ],
  'PUT /api/v1/jurisdictions/{code}/working-hours': ['admin'],
  'GET /api/v1/sla/clocks': ['coordinator', 'leader', 'agency_staff', 'mediator'],
  'GET /api/v1/sla/clocks/{clockId}': ['coordinator', 'leader', 'agency_staff', 'mediator'],
  'POST /api/v1/sla/clocks/{clockId}/pause': ['agency_staff', 'mediator', 'coordinator'],
  'POST /api/v1/sla/clocks/{clockId}/resume': ['agency_staff', 'mediator', 'coordinator'],
  'POST /api/v1/sla/clocks/{clockId}/extensions': ['agency_staff', 'mediator'],
  'POST /api/v1/sla/clocks/{clockId}/extensions/{extensionId}/decision': ['coordinator'],
  'GET /api/v1/sla/forecast': ['coordinator', 'leader', 'agency_staff', 'mediator'],
  'GET /api/v1/supervisions': ['coordinator', 'leader', 'agency_staff', 'mediator'],
  'POST /api/v1/supervisions/{supervisionId}/close': ['coordinator'],
  'GET /api/v1/agencies/{agencyId}/notification-channels': ['admin'],
  'PUT /api/v1/agencies/{agencyId}/notification-channels': ['admin'],
  'GET /api/v1/notification-deliveries': ['admin', 'coordinator', 'leader'],
  // The agency kit: mediators, the mediator in charge, sessions, follow-ups (every agency kind).
  'POST /api/v1/agencies/{agencyId}/mediators': ['agency_staff'],
  'GET /api/v1/agencies/{agencyId}/mediators': AGENCY_READERS,
  'GET /api/v1/agencies/{agencyId}/mediators/{mediatorId}': AGENCY_READERS,
  'PUT /api/v1/agencies/{agencyId}/mediators/{mediatorId}': ['agency_staff'],
  'PUT /api/v1/referrals/{referralId}/mediator': AGENCY_WORKERS,
  'POST /api/v1/referrals/{referralId}/sessions': AGENCY_WORKERS,
  'GET /api/v1/referrals/{referralId}/sessions': AGENCY_READERS,
  'GET /api/v1/referrals/{referralId}/follow-up': AGENCY_READERS,
  'PUT /api/v1/referrals/{referralId}/follow-up': AGENCY_WORKERS,
  'POST /api/v1/referrals/{referralId}/follow-up/record': AGENCY_WORKERS,
  'GET /api/v1/agencies/{agencyId}/follow-ups': AGENCY_READERS,
  // Police stations.
  'POST /api/v1/agencies/{agencyId}/on-the-spot-mediations': AGENCY_WORKERS,
  'GET /api/v1/agencies/{agencyId}/on-the-spot-mediations': AGENCY_READERS,
  'GET /api/v1/agencies/{agencyId}/on-the-spot-mediations/{recordId}': AGENCY_READERS,
  'PUT /api/v1/referrals/{referralId}/incident': AGENCY_WORKERS,
  'GET /api/v1/referrals/{referralId}/incidents': AGENCY_WORKERS,
  'POST /api/v1/referrals/{referralId}/violence-risk-assessments': AGENCY_WORKERS,
  'GET /api/v1/referrals/{referralId}/violence-risk-assessments': AGENCY_WORKERS,
  'PUT /api/v1/agencies/{agencyId}/stationed-committee': ['agency_staff'],
  'GET /api/v1/agencies/{agencyId}/stationed-committee': AGENCY_READERS,
  'POST /api/v1/referrals/{referralId}/hand-off': AGENCY_WORKERS,
  // Judicial offices.
  'POST /api/v1/referrals/{referralId}/judicial-confirmation': AGENCY_WORKERS,
  'GET /api/v1/referrals/{referralId}/judicial-confirmation': AGENCY_WORKERS,
  'GET /api/v1/referrals/{referralId}/judicial-confirmation.pdf': AGENCY_WORKERS,
  'POST /api/v1/referrals/{referralId}/judicial-confirmation/filing': AGENCY_WORKERS,
  'POST /api/v1/referrals/{referralId}/judicial-confirmation/result': AGENCY_WORKERS,
  'GET /api/v1/agencies/{agencyId}/judicial-confirmations': AGENCY_READERS,
  'POST /api/v1/referrals/{referralId}/legal-aid-referrals': AGENCY_WORKERS,
  'GET /api/v1/agencies/{agencyId}/legal-aid-referrals': AGENCY_READERS,
  'POST /api/v1/agencies/{agencyId}/legal-aid-referrals/{legalAidReferralId}/answer': AGENCY_WORKERS,
  'GET /api/v1/agencies/{agencyId}/supervised-committees': AGENCY_READERS,
  'POST /api/v1/agencies/{agencyId}/committee-inspections': AGENCY_WORKERS,
  'GET /api/v1/agencies/{agencyId}/committee-inspections': AGENCY_READERS,
  'POST /api/v1/agencies/{agencyId}/committee-inspections/{inspectionId}/rectifications/{n}/done':
    AGENCY_WORKERS,
  // Lawyer mediation studios.
  'GET /api/v1/lawyer-roster': ALL,
  'POST /api/v1/agencies/{agencyId}/lawyers': ['agency_staff'],
  'GET /api/v1/agencies/{agencyId}/lawyers': AGENCY_READERS,
  'GET /api/v1/agencies/{agencyId}/lawyers/{lawyerId}': AGENCY_READERS,
  'PUT /api/v1/agencies/{agencyId}/lawyers/{lawyerId}': ['agency_staff'],
  'POST /api/v1/agencies/{agencyId}/lawyers/{lawyerId}/representations': AGENCY_WORKERS,
  'GET /api/v1/agencies/{agencyId}/lawyers/{lawyerId}/representations': AGENCY_READERS,
  'POST /api/v1/referrals/{referralId}/lawyer-choice': AGENCY_WORKERS,
  'GET /api/v1/agencies/{agencyId}/lawyer-choices': AGENCY_READERS,
  'POST /api/v1/referrals/{referralId}/pro-bono-hours': AGENCY_WORKERS,
  'GET /api/v1/agencies/{agencyId}/pro-bono-hours': ['coordinator', 'leader', 'agency_staff', 'mediator'],
  // Agreements (调解协议书) and the ledger (工作台账), every agency kind.
  'POST /api/v1/referrals/{referralId}/agreement': AGENCY_WORKERS,
  'PUT /api/v1/referrals/{referralId}/agreement': AGENCY_WORKERS,
  'POST /api/v1/referrals/{referralId}/agreement/sign': AGENCY_WORKERS,
  'GET /api/v1/referrals/{referralId}/agreement': AGENCY_READERS,
  'GET /api/v1/referrals/{referralId}/agreement.pdf': AGENCY_WORKERS,
  'POST /api/v1/referrals/{referralId}/agreement/terms/{termNo}/performance': AGENCY_WORKERS,
  'GET /api/v1/agencies/{agencyId}/agreements': AGENCY_READERS,
  'GET /api/v1/agencies/{agencyId}/ledger.xlsx': AGENCY_READERS,
  // People's mediation committees.
  'PUT /api/v1/agencies/{agencyId}/committee-profile': ['agency_staff', 'admin'],
  'GET /api/v1/agencies/{agencyId}/committee-profile': ALL,
  'GET /api/v1/people-committees': ALL,
  'GET /api/v1/agencies/{agencyId}/five-elders': AGENCY_READERS,
  'POST /api/v1/referrals/{referralId}/hearings': AGENCY_WORKERS,
  'GET /api/v1/referrals/{referralId}/hearings': AGENCY_READERS,
  'GET /api/v1/referrals/{referralId}/hearings/{hearingId}': AGENCY_READERS,
  'POST /api/v1/referrals/{referralId}/hearings/{hearingId}/record': AGENCY_WORKERS,
};

let hub: TestHub;
let routes: string[];

beforeAll(async () => {
  hub = await TestHub.start();
  const doc = (await hub.anonymous('GET', '/api/docs/openapi.json')).body as {
    paths: Record<string, Record<string, unknown>>;
  };
  routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
  );
});

afterAll(async () => {
  await hub?.stop();
});

/** Ids for the placeholders a route may name (none of them exist: only the rules decide). */
const PLACEHOLDER_IDS: Record<string, string> = {
  caseId: '00000000-0000-4000-8000-00000000000c',
  referralId: '00000000-0000-4000-8000-00000000000f',
  position: '0',
  jurisdictionCode: '370781007000',
  whistleId: '00000000-0000-4000-8000-0000000000b1',
  conferenceId: '00000000-0000-4000-8000-0000000000c1',
  taskId: '00000000-0000-4000-8000-0000000000d1',
  userId: '00000000-0000-4000-8000-0000000000aa',
  year: '2027',
  code: '370781007000',
  clockId: '00000000-0000-4000-8000-0000000000e1',
  extensionId: '00000000-0000-4000-8000-0000000000e2',
  supervisionId: '00000000-0000-4000-8000-0000000000e3',
  mediatorId: '00000000-0000-4000-8000-0000000000f1',
  recordId: '00000000-0000-4000-8000-0000000000f2',
  lawyerId: '00000000-0000-4000-8000-0000000000f3',
  legalAidReferralId: '00000000-0000-4000-8000-0000000000f4',
  inspectionId: '00000000-0000-4000-8000-0000000000f5',
  n: '1',
  hearingId: '00000000-0000-4000-8000-0000000000f6',
  termNo: '1',
};
const fill = (path: string, ids: Record<string, string>) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? PLACEHOLDER_IDS[name] ?? `{${name}}`);

// The caller's own agency where a route names one, so the role rule is what decides.
const concrete = (path: string) => fill(path, { agencyId: DEMO_AGENCY.huanglouCommittee });

/** A body each command would accept, so that only the caller's scope can refuse it. */
const VALID_BODIES: [RegExp, () => object][] = [
  // More specific first: the first pattern that matches a path gives its body.
  [
    /\/agreement$/,
    () => ({
      parties: [
        { name: '王某', role: 'applicant', kind: 'person', idNumber: '11010519491231002X' },
        { name: '李某', role: 'respondent', kind: 'person' },
      ],
      facts: 'x',
      terms: [{ content: 'x' }],
      performance: { time: '三十日内', method: '当面交付' },
      mediatorNames: ['李明'],
    }),
  ],
  [
    /\/agreement\/sign$/,
    () => ({
      signedAt: new Date().toISOString(),
      signatories: [
        { partyPosition: 0, signedAt: new Date().toISOString() },
        { partyPosition: 1, signedAt: new Date().toISOString() },
      ],
    }),
  ],
  [/\/performance$/, () => ({ status: 'performed', note: 'x', recordedAt: new Date().toISOString() })],
  [
    /\/committee-profile$/,
    () => ({
      committeeKind: 'street',
      name: '黄楼街道人民调解委员会',
      establishedOn: '2009-06-18',
      directorName: '张建国',
      membersCount: 11,
      disputeTypes: ['neighbour'],
    }),
  ],
  [
    /\/hearings\/[^/]+\/record$/,
    () => ({
      heldAt: new Date().toISOString(),
      statements: [{ participantIndex: 0, order: 1, content: 'x' }],
      finding: 'x',
      result: 'agreed',
    }),
  ],
  [
    /\/hearings$/,
    () => ({
      scheduledFor: new Date(Date.now() + 86400_000).toISOString(),
      place: '村委会议室',
      chair: { name: '李警官', role: 'community_police' },
      participants: [
        { name: '王某', role: 'party', partyPosition: 0 },
        { name: '李某', role: 'party', partyPosition: 1 },
      ],
    }),
  ],
  [/\/mediators$/, () => ({ name: '王秀兰', category: 'full_time' })],
  [/\/mediators\/[^/]+$/, () => ({ gold: true })],
  [/\/mediator$/, () => ({ mediatorId: PLACEHOLDER_IDS.mediatorId })],
  [
    /\/sessions$/,
    () => ({
      heldAt: new Date().toISOString(),
      place: '调解室',
      mediatorIds: [PLACEHOLDER_IDS.mediatorId],
      participants: [],
      summary: 'x',
      result: 'agreed',
    }),
  ],
  [/\/follow-up$/, () => ({ scheduledFor: new Date().toISOString(), method: 'phone' })],
  [/\/follow-up\/record$/, () => ({ method: 'phone', satisfaction: 'satisfied', rebound: false, note: 'x' })],
  [
    /\/on-the-spot-mediations$/,
    () => ({
      channel: 'walk_in',
      occurredAt: new Date(Date.now() - 3600_000).toISOString(),
      place: 'x',
      jurisdictionCode: '370781007201',
      disputeType: 'neighbour',
      title: 'x',
      parties: [{ kind: 'person', role: 'applicant', name: '王某' }],
      summary: 'x',
      riskLevel: 'general',
      violenceRisk: false,
      outcome: 'not_settled',
    }),
  ],
  [/\/incident$/, () => ({ incidentNumber: 'J3707812026112300012', receivedAt: new Date().toISOString() })],
  [/\/violence-risk-assessments$/, () => ({ factors: ['threats_of_harm'], note: 'x' })],
  [/\/stationed-committee$/, () => ({ committeeAgencyId: DEMO_AGENCY.huanglouCommittee })],
  [/\/hand-off$/, () => ({ reason: 'x' })],
  [/\/judicial-confirmation$/, () => ({ court: '青州市人民法院', applicants: [0, 1], note: 'x' })],
  [/\/filing$/, () => ({ filedAt: new Date().toISOString(), courtCaseNumber: '（2026）鲁0781民特1号' })],
  [
    /\/result$/,
    () => ({
      result: 'rejected',
      decidedAt: new Date().toISOString(),
      rulingNumber: '（2026）鲁0781民特1号',
      reason: 'x',
    }),
  ],
  [
    /\/legal-aid-referrals$/,
    () => ({
      partyName: '王某',
      partyPosition: 'applicant',
      reason: 'x',
      economicHardship: true,
      matter: '诉讼代理',
    }),
  ],
  [/\/answer$/, () => ({ status: 'declined', note: 'x', answeredAt: new Date().toISOString() })],
  [
    /\/committee-inspections$/,
    () => ({
      committeeAgencyId: DEMO_AGENCY.luliCommittee,
      inspectedAt: new Date().toISOString(),
      findings: 'x',
      rating: 'adequate',
      rectifications: [],
    }),
  ],
  [/\/done$/, () => ({ doneAt: new Date().toISOString(), note: 'x' })],
  [
    /\/lawyers$/,
    () => ({
      name: '郑新',
      firm: '山东正和律师事务所',
      licenceNumber: '13707202410210099',
      specialties: ['neighbour'],
      languages: ['普通话'],
      yearsOfPractice: 1,
      published: false,
      introduction: '新执业律师',
    }),
  ],
  [/\/lawyers\/[^/]+$/, () => ({ onDuty: false })],
  [
    /\/representations$/,
    () => ({ clientName: '王某', clientKind: 'person', matter: 'x', from: '2024-03-01', to: '2024-09-30' }),
  ],
  [/\/lawyer-choice$/, () => ({ lawyerId: PLACEHOLDER_IDS.lawyerId, chosenByPartyPositions: [0, 1] })],
  [
    /\/pro-bono-hours$/,
    () => ({ lawyerId: PLACEHOLDER_IDS.lawyerId, date: '2026-11-20', hours: 2.5, activity: 'x' }),
  ],
  [/\/close$/, () => ({ outcome: 'resolved', note: 'x', agreementSummary: 'x' })],
  [/\/return$/, () => ({ reason: 'other', note: 'x' })],
  [/\/referrals$/, () => ({ agencyId: DEMO_AGENCY.huanglouCommittee })],
  [/\/dispatch$/, () => ({ leadAgencyId: DEMO_AGENCY.huanglouCommittee })],
  [/\/dispute-type$/, () => ({ disputeType: 'land' })],
  [/\/risk$/, () => ({ riskLevel: 'major', reason: 'x' })],
  [/\/escalations$/, () => ({ reason: 'x' })],
  [/\/ruling$/, () => ({ ruling: 'upheld', note: 'x' })],
  [/\/transfer$/, () => ({ toAgencyId: DEMO_AGENCY.huanglouCommittee, reason: 'x' })],
  [/\/whistles$/, () => ({ urgency: 'urgent', reason: 'x', unitIds: [DEMO_AGENCY.huanglouLand] })],
  [
    /\/conferences$/,
    () => ({
      scheduledFor: new Date().toISOString(),
      place: 'x',
      participantUnitIds: [DEMO_AGENCY.huanglouLand, DEMO_AGENCY.huanglouCivil],
    }),
  ],
];
/** The query a GET route needs to get past validation, so that only the caller's scope can refuse it. */
const VALID_QUERIES: [RegExp, string][] = [[/\/ledger\.xlsx$/, '?from=2026-01-01&to=2026-01-31']];
const validQuery = (path: string) => VALID_QUERIES.find(([re]) => re.test(path))?.[1] ?? '';

const validBody = (path: string) => (VALID_BODIES.find(([re]) => re.test(path))?.[1] ?? aDispute)();

describe('the authorization matrix', () => {
  it('has an expectation for every route the gateway serves', () => {
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter((r) => !(r in EXPECTED))).toEqual([]);
  });

  it('lets exactly the expected roles through every route, and nobody without a token', async () => {
    const outcomes: string[] = [];
    for (const route of routes) {
      const [method, path] = route.split(' ');
      const expected = EXPECTED[route];
      const anonymous = await hub.anonymous(method, concrete(path), method === 'POST' ? {} : undefined);
      if (expected === 'public') {
        if ([401, 403].includes(anonymous.status)) outcomes.push(`${route} public but ${anonymous.status}`);
        continue;
      }
      if (anonymous.status !== 401)
        outcomes.push(`${route} without a token: ${anonymous.status}, expected 401`);
      for (const role of ALL) {
        const r = await hub.as(USERS[role], method, concrete(path), method === 'POST' ? {} : undefined);
        const allowed = expected.includes(role);
        if (allowed && [401, 403].includes(r.status))
          outcomes.push(`${route} as ${role}: ${r.status}, expected to be let through`);
        if (!allowed && r.status !== 403) outcomes.push(`${route} as ${role}: ${r.status}, expected 403`);
        if (r.status >= 500 && r.status !== 503) outcomes.push(`${route} as ${role}: ${r.status}`);
      }
    }
    expect(outcomes).toEqual([]);
  });
});

describe("the authorization matrix, outside the caller's scope", () => {
  // A case in 王府街道 referred to 王府派出所: outside every demo user's scope but the city's.
  let foreign: { caseId: string; referralId: string; agencyId: string };

  beforeAll(async () => {
    const city = 'coordinator.qingzhou';
    const kase = await hub.as(city, 'POST', '/api/v1/cases', aDispute({ jurisdictionCode: '370781001025' }));
    const agencyId = '6a1f0c00-0000-4000-8000-000000000102'; // 青州市公安局王府派出所
    const ref = await hub.as(city, 'POST', `/api/v1/cases/${kase.body.id}/referrals`, { agencyId });
    expect([kase.status, ref.status]).toEqual([201, 201]);
    foreign = { caseId: kase.body.id, referralId: ref.body.id, agencyId };
  });

  it('never lets a role reach a case, referral or inbox outside its scope, through any route', async () => {
    const outcomes: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const [method, path] = route.split(' ');
      const expected = EXPECTED[route];
      if (
        expected === 'public' ||
        !/\{(caseId|referralId|agencyId)\}/.test(path) ||
        path === '/api/v1/agencies/{agencyId}'
      )
        continue;
      const url = fill(path, foreign);
      // The leader's 辖区 is the whole city; the admin configures every unit (notification channels)
      // and sees no case. A 黄楼 coordinator reaches no 王府 agency's lists.
      const scoped = expected.filter((role) => role !== 'leader' && role !== 'admin');
      for (const role of scoped) {
        const r =
          method === 'GET'
            ? await hub.as(USERS[role], method, url + validQuery(path))
            : await hub.as(USERS[role], method, url, validBody(path));
        if (![403, 404].includes(r.status))
          outcomes.push(`${route} as ${role} outside its scope: ${r.status}`);
        checked += 1;
      }
    }
    for (const role of ['coordinator', 'reporter', 'agency_staff', 'mediator'] as const) {
      const list = await hub.as(USERS[role], 'GET', '/api/v1/cases?pageSize=100');
      if (list.body.items.some((c: { id: string }) => c.id === foreign.caseId))
        outcomes.push(`GET /api/v1/cases as ${role} lists a case outside its scope`);
    }
    expect(outcomes).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(15); // the scoped routes × the roles they allow
  });
});

describe('tokens', () => {
  const path = '/api/v1/cases';
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const dev = 'fengqiao-hub development access-token secret (never in production)';
  const claims = {
    sub: '00000000-0000-4000-8000-000000000001',
    name: '某人',
    role: 'coordinator',
    jurisdictionCode: '370781007000',
  };

  it('answers 401, never 500, for expired, forged, tampered and malformed tokens', async () => {
    const expired = signAccessToken(claims, dev, 60, Date.now() - 3600_000);
    const forged = signAccessToken(claims, 'an-attacker-secret-that-is-long-enough', 900);
    const real = await hub.token(USERS.reporter);
    const [h, b, s] = real.split('.');
    const promoted = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(b, 'base64url').toString()), role: 'coordinator' }),
    ).toString('base64url');
    for (const token of [expired, forged, `${h}.${promoted}.${s}`, 'not-a-token']) {
      const r = await hub.anonymous('GET', path, undefined, bearer(token));
      expect([r.status, r.body.error.code]).toEqual([401, 'UNAUTHENTICATED']);
    }
  });

  it('refuses the access token of a session that signed out, at once', async () => {
    const session = await hub.anonymous('POST', '/api/v1/auth/login', {
      username: USERS.leader,
      password: DEMO_PASSWORD,
    });
    const bearerToken = { authorization: `Bearer ${session.body.accessToken}` };
    expect((await hub.anonymous('GET', path, undefined, bearerToken)).status).toBe(200);
    expect(
      (await hub.anonymous('POST', '/api/v1/auth/logout', { refreshToken: session.body.refreshToken }))
        .status,
    ).toBe(200);
    const after = await eventually(
      () => hub.anonymous('GET', path, undefined, bearerToken),
      (r) => r.status === 401,
      5000,
    );
    expect([after.status, after.body.error.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it("keeps one agency's staff out of another agency's inbox", async () => {
    const r = await hub.as(
      USERS.agency_staff,
      'GET',
      `/api/v1/agencies/${DEMO_AGENCY.huanglouPolice}/referrals`,
    );
    expect([r.status, r.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect(
      (await hub.as(USERS.agency_staff, 'GET', `/api/v1/agencies/${DEMO_AGENCY.huanglouCommittee}/referrals`))
        .status,
    ).toBe(200);
  });
});

describe('scopes, enforced by the services in SQL', () => {
  it('shows each role only its own 辖区 or agency, in lists, counts and single reads', async () => {
    // Registered by the 黄楼 coordinator: one in 卢李村 (the reporter's village), one in 卢坊村.
    const luli = await hub.http(
      'POST',
      '/api/v1/cases',
      aDispute({ title: '卢李村纠纷', jurisdictionCode: '370781007201' }),
    );
    const lufang = await hub.http(
      'POST',
      '/api/v1/cases',
      aDispute({ title: '卢坊村纠纷', jurisdictionCode: '370781007202' }),
    );
    expect([luli.status, lufang.status]).toEqual([201, 201]);
    await hub.http('POST', `/api/v1/cases/${lufang.body.id}/referrals`, {
      agencyId: DEMO_AGENCY.huanglouCommittee,
    });

    const ids = async (user: string) => {
      const page = await hub.as(user, 'GET', '/api/v1/cases?pageSize=100');
      expect(page.status).toBe(200);
      expect(page.body.total).toBe(page.body.items.length);
      return page.body.items.map((c: { id: string }) => c.id);
    };
    expect(await ids(USERS.reporter)).toContain(luli.body.id);
    expect(await ids(USERS.reporter)).not.toContain(lufang.body.id);
    expect(await ids(USERS.leader)).toEqual(expect.arrayContaining([luli.body.id, lufang.body.id]));
    expect(await ids(USERS.agency_staff)).toContain(lufang.body.id); // referred to the committee
    expect(await ids(USERS.agency_staff)).not.toContain(luli.body.id);

    // Outside the scope a case does not exist, as far as the caller can tell.
    expect((await hub.as(USERS.reporter, 'GET', `/api/v1/cases/${lufang.body.id}`)).status).toBe(404);
    expect((await hub.as(USERS.agency_staff, 'GET', `/api/v1/cases/${luli.body.id}`)).status).toBe(404);
    expect((await hub.as(USERS.reporter, 'GET', `/api/v1/cases/${luli.body.id}`)).status).toBe(200);

    // A reporter registers in their own village only.
    const elsewhere = await hub.as(
      USERS.reporter,
      'POST',
      '/api/v1/cases',
      aDispute({ jurisdictionCode: '370781007202' }),
    );
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect(
      (await hub.as(USERS.reporter, 'POST', '/api/v1/cases', aDispute({ jurisdictionCode: '370781007201' })))
        .status,
    ).toBe(201);
  });
});

describe('clear personal data', () => {
  it('is shown to the coordinator and the handling agency, never to a leader, and every clear read is audited', async () => {
    const idNumber = '11010519491231002X';
    const kase = await hub.http(
      'POST',
      '/api/v1/cases',
      aDispute({
        parties: [{ kind: 'person', role: 'applicant', name: '孙某', idNumber, phone: '13700001111' }],
      }),
    );
    const path = `/api/v1/cases/${kase.body.id}/parties/0/personal-data`;
    expect((await hub.as(USERS.agency_staff, 'GET', path)).status).toBe(404); // not referred to them yet
    await hub.http('POST', `/api/v1/cases/${kase.body.id}/referrals`, {
      agencyId: DEMO_AGENCY.huanglouCommittee,
    });

    const coordinator = await hub.http('GET', path);
    expect([coordinator.status, coordinator.body]).toEqual([
      200,
      { name: '孙某', idNumber, phone: '13700001111' },
    ]);
    expect((await hub.as(USERS.agency_staff, 'GET', path)).body.idNumber).toBe(idNumber);
    expect((await hub.as(USERS.leader, 'GET', path)).status).toBe(403);
    expect(
      (await hub.as(USERS.leader, 'GET', `/api/v1/cases/${kase.body.id}`)).body.parties[0].idNumber,
    ).toBe('1101**********002X');

    const reads = await hub.sql.query(
      `SELECT actor_role, result FROM dispatch.audit_log WHERE action = 'dispatch.party.reveal.v1' AND target = $1 ORDER BY seq`,
      [kase.body.id],
    );
    expect(reads.rows.map((r) => `${r.actor_role} ${r.result}`)).toEqual([
      'agency_staff 404 NOT_FOUND',
      'coordinator ok',
      'agency_staff ok',
    ]);
  });
});

describe('user administration', () => {
  it('lets the admin add a user who can then sign in, and disable them, which ends their session at once', async () => {
    const password = 'a-long-enough-password-1';
    const created = await hub.as(USERS.admin, 'POST', '/api/v1/admin/users', {
      username: 'coordinator.wangfu',
      displayName: '王府街道综治中心 孙协调员',
      role: 'coordinator',
      jurisdictionCode: '370781001000',
      password,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      username: 'coordinator.wangfu',
      role: 'coordinator',
      disabled: false,
    });
    expect(JSON.stringify(created.body)).not.toContain(password);
    const again = await hub.as(USERS.admin, 'POST', '/api/v1/admin/users', {
      username: 'coordinator.wangfu',
      displayName: 'x',
      role: 'coordinator',
      jurisdictionCode: '370781001000',
      password,
    });
    expect(again.status).toBe(409);
    const noScope = await hub.as(USERS.admin, 'POST', '/api/v1/admin/users', {
      username: 'reporter.x',
      displayName: 'x',
      role: 'reporter',
      password,
    });
    expect([noScope.status, noScope.body.error.fields[0].field]).toEqual([422, 'jurisdictionCode']);

    const session = await hub.anonymous('POST', '/api/v1/auth/login', {
      username: 'coordinator.wangfu',
      password,
    });
    expect(session.status).toBe(200);
    const bearer = { authorization: `Bearer ${session.body.accessToken}` };
    expect((await hub.anonymous('GET', '/api/v1/cases', undefined, bearer)).status).toBe(200);

    expect(
      (await hub.as(USERS.admin, 'POST', `/api/v1/admin/users/${created.body.id}/disable`)).body.disabled,
    ).toBe(true);
    const after = await eventually(
      () => hub.anonymous('GET', '/api/v1/cases', undefined, bearer),
      (r) => r.status === 401,
      5000,
    );
    expect(after.status).toBe(401);
    expect(
      (await hub.anonymous('POST', '/api/v1/auth/login', { username: 'coordinator.wangfu', password }))
        .status,
    ).toBe(401);
    const users = await hub.as(USERS.admin, 'GET', '/api/v1/admin/users?role=coordinator');
    expect(users.body.items.map((u: { username: string }) => u.username)).toEqual(
      expect.arrayContaining(['coordinator.huanglou', 'coordinator.wangfu']),
    );
  });
});
