import type { INestMicroservice } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  CaseFlaggedV1,
  DispatchSubjects,
  ReferralAcceptedV1,
  ReferralClosedV1,
  ReferralIssuedV1,
  ReferralReturnedV1,
  ReferralReturnRuledV1,
  ReferralTransferredV1,
  RoutingMatrixPublishedV1,
  type AgencyKind,
  type CaseView,
  type DispatchPolicyView,
  type NotEscalatedIndexView,
  type Page,
  type ReferralView,
  type ReturnReason,
  type RoutingMatrixView,
  type RoutingProposalView,
  type TypeSuggestionView,
} from '@fengqiao/contracts';
import type { RpcClient } from '@fengqiao/messaging';
import {
  aDispute,
  bootService,
  DEMO_AGENCY,
  eventually,
  failure,
  TEST_ACTOR,
  TestStores,
} from '@fengqiao/testing';
import { DispatchModule } from '../src/app.module';
import { loadDispatchConfig } from '../src/config';
import { Referral } from '../src/referrals/referral.entity';
import { seedDemoCity } from '../src/seed/seed-demo-city';

let stores: TestStores;
let app: INestMicroservice;
let rpc: RpcClient;
let dataSource: DataSource;

const ADMIN = { id: 'admin-1', name: '系统管理员', role: 'admin' };
const MEDIATOR = { id: 'm-1', name: '调解员甲', role: 'mediator' };
const send = <T>(subject: string, body: object, actor: object = TEST_ACTOR) =>
  rpc.request<T>('dispatch', subject, actor as typeof TEST_ACTOR, body);
const register = (over: object = {}) => send<CaseView>(DispatchSubjects.caseRegister, aDispute(over));
const getCase = (caseId: string) => send<CaseView>(DispatchSubjects.caseGet, { caseId });
const dispatchTo = (caseId: string, body: object) =>
  send<ReferralView[]>(DispatchSubjects.caseDispatch, { caseId, ...body });
const propose = (caseId: string) => send<RoutingProposalView>(DispatchSubjects.routingPropose, { caseId });

/** What an agency service reports, as it would publish it. */
const agencyReports = {
  accepted: (r: ReferralView) =>
    stores.publish(ReferralAcceptedV1, {
      referralId: r.id,
      caseId: r.caseId,
      agencyId: r.agencyId,
      agencyKind: r.agencyKind,
      acceptedAt: new Date().toISOString(),
      acceptedBy: MEDIATOR,
    }),
  returned: (r: ReferralView, reason: ReturnReason, note = '不属本单位职责') =>
    stores.publish(ReferralReturnedV1, {
      referralId: r.id,
      caseId: r.caseId,
      agencyId: r.agencyId,
      agencyKind: r.agencyKind as AgencyKind,
      reason,
      note,
      returnedAt: new Date().toISOString(),
      returnedBy: MEDIATOR,
    }),
  closed: (r: ReferralView, outcome: 'resolved' | 'failed', extra: object = {}) =>
    stores.publish(ReferralClosedV1, {
      referralId: r.id,
      caseId: r.caseId,
      agencyId: r.agencyId,
      agencyKind: r.agencyKind,
      outcome,
      note: outcome === 'resolved' ? '达成协议' : '调解不成',
      closedAt: new Date().toISOString(),
      closedBy: MEDIATOR,
      ...extra,
    }),
};

beforeAll(async () => {
  stores = await TestStores.start();
  app = await bootService(DispatchModule.forRoot(loadDispatchConfig(stores.env())), 'dispatch', stores);
  dataSource = app.get(DataSource);
  await seedDemoCity(dataSource);
  rpc = stores.rpc();
});

afterAll(async () => {
  await app?.close();
  await stores?.close();
});

describe('routing proposals (派单建议)', () => {
  it('ranks agencies at and above the case by matrix, nearness, load and on-time record, each with reasons', async () => {
    const kase = await register(); // neighbours in 卢李村
    const p = await propose(kase.id);
    expect(p).toMatchObject({
      disputeType: 'neighbour',
      jurisdictionLevel: 'community',
      ladderLevel: 1,
      matrixVersion: 1,
    });
    // The village committee sits in the village itself: nearest of the lead kinds.
    expect(p.leads[0].agencyId).toBe(DEMO_AGENCY.luliCommittee);
    expect(p.leads.map((l) => l.agencyId)).toEqual(
      expect.arrayContaining([
        DEMO_AGENCY.luliPolicePost,
        DEMO_AGENCY.huanglouCommittee,
        DEMO_AGENCY.huanglouPolice,
      ]),
    );
    // Specialised committees only for their own types; other streets' agencies never.
    expect(p.leads.map((l) => l.agencyId)).not.toContain(DEMO_AGENCY.medicalCommittee);
    expect(p.leads.map((l) => l.agencyId)).not.toContain(DEMO_AGENCY.wangfuPolice);
    expect(p.coHandlers.map((c) => c.agencyId)).toContain(DEMO_AGENCY.huanglouJudicial);
    for (const proposal of [...p.leads, ...p.coHandlers]) {
      expect(proposal.reasons.map((r) => r.factor)).toEqual(['matrix', 'nearness', 'load', 'on_time']);
      expect(proposal.reasons.every((r) => r.zh.length > 0 && r.en.length > 0)).toBe(true);
    }
    const scores = p.leads.map((l) => l.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('sends a medical dispute to the 医调委, and weighs load against capacity', async () => {
    const kase = await register({
      disputeType: 'medical',
      title: '医疗纠纷',
      description: '患者家属认为医院手术存在过错，要求赔偿。',
    });
    const p = await propose(kase.id);
    const medical = p.leads.find((l) => l.agencyId === DEMO_AGENCY.medicalCommittee)!;
    expect(medical.reasons[0].zh).toContain('专业调解组织');
    // The specialist leads; a general committee nearer the case stays on the list, a step down.
    expect(p.leads[0].agencyId).toBe(DEMO_AGENCY.medicalCommittee);
    const general = p.leads.find((l) => l.agencyId === DEMO_AGENCY.luliCommittee)!;
    expect(general.reasons[0].zh).toContain('另有专业调解组织');
    expect(p.leads.map((l) => l.agencyId)).not.toContain('6a1f0c00-0000-4000-8000-000000000304'); // 交调委

    const before = (await propose(kase.id)).leads.find((l) => l.agencyId === DEMO_AGENCY.luliCommittee)!;
    const busy = await register();
    await dispatchTo(busy.id, { leadAgencyId: DEMO_AGENCY.luliCommittee });
    const after = (await propose((await register()).id)).leads.find(
      (l) => l.agencyId === DEMO_AGENCY.luliCommittee,
    )!;
    expect(after.openReferrals).toBe(before.openReferrals + 1);
    expect(after.reasons[2].value).toBeLessThan(before.reasons[2].value);
  });
});

describe('dispatching (派单) against the matrix', () => {
  it('issues a lead and co-handlers at once, with the role and matrix version on each', async () => {
    const kase = await register();
    const referrals = await dispatchTo(kase.id, {
      leadAgencyId: DEMO_AGENCY.luliCommittee,
      coHandlerIds: [DEMO_AGENCY.huanglouJudicial],
      note: '请村调委会主办，司法所协办',
    });
    expect(referrals.map((r) => [r.agencyId, r.role, r.matrixVersion])).toEqual([
      [DEMO_AGENCY.luliCommittee, 'lead', 1],
      [DEMO_AGENCY.huanglouJudicial, 'co', 1],
    ]);
    const events = await eventually(
      () => stores.events<ReferralIssuedV1>(ReferralIssuedV1.subject),
      (e) => e.filter((x) => x.caseId === kase.id).length === 2,
    );
    expect(
      events
        .filter((e) => e.caseId === kase.id)
        .map((e) => e.role)
        .sort(),
    ).toEqual(['co', 'lead']);
    expect((await getCase(kase.id)).status).toBe('referred');
  });

  it('refuses a kind the matrix does not allow unless the coordinator gives a reason, and writes nothing', async () => {
    const kase = await register();
    const refused = await failure(dispatchTo(kase.id, { leadAgencyId: DEMO_AGENCY.lawyerStudio }));
    expect(refused.status).toBe(422);
    expect(refused.fields?.[0].field).toBe('leadAgencyId');
    expect(refused.fields?.[0].reasonZh).toContain('责任矩阵');
    // A bad co-handler sinks the whole dispatch: no lead was issued either.
    const partly = await failure(
      dispatchTo(kase.id, {
        leadAgencyId: DEMO_AGENCY.luliCommittee,
        coHandlerIds: [DEMO_AGENCY.huanglouLand],
      }),
    );
    expect(partly.status).toBe(422);
    expect(partly.fields?.[0].field).toBe('coHandlerIds[0]');
    expect(await dataSource.getRepository(Referral).countBy({ caseId: kase.id })).toBe(0);

    const [overridden] = await dispatchTo(kase.id, {
      leadAgencyId: DEMO_AGENCY.lawyerStudio,
      overrideReason: '双方均要求律师调解',
    });
    expect(overridden.matrixOverrideReason).toBe('双方均要求律师调解');
    const second = await failure(dispatchTo(kase.id, { leadAgencyId: DEMO_AGENCY.luliCommittee }));
    expect(second.status).toBe(409); // one open lead at a time: transfer instead
  });

  it('refuses an agency outside the case’s jurisdiction and a case outside the caller’s', async () => {
    const kase = await register();
    const far = await failure(dispatchTo(kase.id, { leadAgencyId: DEMO_AGENCY.wangfuPolice }));
    expect(far.status).toBe(422);
    expect(far.fields?.[0].reasonZh).toContain('辖区');
    const outsider = { ...TEST_ACTOR, jurisdictionCode: '370781001000' };
    const hidden = await failure(
      send(
        DispatchSubjects.caseDispatch,
        { caseId: kase.id, leadAgencyId: DEMO_AGENCY.luliCommittee },
        outsider,
      ),
    );
    expect(hidden.status).toBe(404);
  });
});

describe('returns (退单), rulings and transfers (转办)', () => {
  it('a return the matrix contradicts waits for a ruling; overruled, the agency has it again; two returns flag ping-pong', async () => {
    const kase = await register();
    const [lead] = await dispatchTo(kase.id, { leadAgencyId: DEMO_AGENCY.luliCommittee });
    await agencyReports.returned(lead, 'not_our_responsibility');
    const waiting = await eventually(
      () => getCase(kase.id),
      (c) => c.referrals[0].status === 'returned',
    );
    expect(waiting.referrals[0]).toMatchObject({
      awaitingRuling: true,
      returnReason: 'not_our_responsibility',
    });
    expect(waiting.status).toBe('registered');
    const pending = await send<Page<ReferralView>>(DispatchSubjects.referralList, {
      awaitingRuling: true,
      caseId: kase.id,
    });
    expect(pending.total).toBe(1);

    const ruled = await send<ReferralView>(DispatchSubjects.referralRule, {
      referralId: lead.id,
      ruling: 'overruled',
      note: '邻里纠纷由村调委会主办',
    });
    expect(ruled).toMatchObject({ status: 'issued', ruling: 'overruled' });
    expect(
      (
        await failure(
          send(DispatchSubjects.referralRule, { referralId: lead.id, ruling: 'upheld', note: 'x' }),
        )
      ).status,
    ).toBe(409);
    const rulings = await eventually(
      () => stores.events<ReferralReturnRuledV1>(ReferralReturnRuledV1.subject),
      (e) => e.some((x) => x.referralId === lead.id),
    );
    expect(rulings.find((x) => x.referralId === lead.id)?.ruling).toBe('overruled');

    await agencyReports.returned(lead, 'needs_other_department', '涉及宅基地');
    const flagged = await eventually(
      () => getCase(kase.id),
      (c) => c.pingPong,
    );
    expect(flagged.timeline.map((t) => t.step)).toContain('case_flagged');
    const flags = await eventually(
      () => stores.events<CaseFlaggedV1>(CaseFlaggedV1.subject),
      (e) => e.some((x) => x.caseId === kase.id && x.flag === 'ping_pong'),
    );
    expect(flags.filter((x) => x.caseId === kase.id && x.flag === 'ping_pong')).toHaveLength(1);
  });

  it('a return for a reason the matrix cannot judge stands at once; a transfer moves the referral to another agency', async () => {
    const kase = await register();
    const [lead] = await dispatchTo(kase.id, { leadAgencyId: DEMO_AGENCY.luliCommittee });
    await agencyReports.returned(lead, 'parties_unreachable', '当事人外出务工');
    const returned = await eventually(
      () => getCase(kase.id),
      (c) => c.referrals[0].status === 'returned',
    );
    expect(returned.referrals[0].awaitingRuling).toBeUndefined();

    // A contested return whose case got a new lead meanwhile can only be upheld.
    const contested = await register();
    const [firstLead] = await dispatchTo(contested.id, { leadAgencyId: DEMO_AGENCY.luliCommittee });
    await agencyReports.returned(firstLead, 'not_our_responsibility');
    await eventually(
      () => getCase(contested.id),
      (c) => c.referrals[0].awaitingRuling === true,
    );
    await dispatchTo(contested.id, { leadAgencyId: DEMO_AGENCY.huanglouCommittee });
    const refused = await failure(
      send(DispatchSubjects.referralRule, { referralId: firstLead.id, ruling: 'overruled', note: 'x' }),
    );
    expect(refused.status).toBe(409);

    const other = await register();
    const [first] = await dispatchTo(other.id, { leadAgencyId: DEMO_AGENCY.luliCommittee });
    await agencyReports.accepted(first);
    await eventually(
      () => getCase(other.id),
      (c) => c.status === 'in_mediation',
    );
    const moved = await send<ReferralView>(DispatchSubjects.referralTransfer, {
      referralId: first.id,
      toAgencyId: DEMO_AGENCY.huanglouCommittee,
      reason: '村调委会调解员回避',
    });
    expect(moved).toMatchObject({ agencyId: DEMO_AGENCY.huanglouCommittee, role: 'lead', status: 'issued' });
    const after = await getCase(other.id);
    expect(after.referrals.find((r) => r.id === first.id)).toMatchObject({
      status: 'transferred',
      transferredToId: moved.id,
    });
    expect(after.status).toBe('referred');
    const transfers = await eventually(
      () => stores.events<ReferralTransferredV1>(ReferralTransferredV1.subject),
      (e) => e.some((x) => x.referralId === first.id),
    );
    expect(transfers.find((x) => x.referralId === first.id)?.toReferralId).toBe(moved.id);
  });
});

describe('the escalation ladder (五级联动)', () => {
  it('climbs with who and why; at level 3 the parties choose a lawyer from the list; the index counts it', async () => {
    const kase = await register();
    expect((await getCase(kase.id)).ladder).toMatchObject({ code: 'five_level', level: 1, startLevel: 1 });
    const [l1] = await dispatchTo(kase.id, { leadAgencyId: DEMO_AGENCY.luliCommittee });
    await agencyReports.accepted(l1);
    await agencyReports.closed(l1, 'failed', { nextStep: 'escalate' });
    const failed = await eventually(
      () => getCase(kase.id),
      (c) => c.status === 'unresolved',
    );
    expect(failed.ladder.proposedLevel).toBe(2);

    const at2 = await send<CaseView>(DispatchSubjects.caseEscalate, {
      caseId: kase.id,
      reason: '拉呱调未果',
    });
    expect(at2.ladder).toMatchObject({ level: 2, levelName: '跟上调（警务助理）' });
    expect(at2.escalations).toEqual([
      expect.objectContaining({ fromLevel: 1, toLevel: 2, reason: '拉呱调未果' }),
    ]);
    const at3 = await send<CaseView>(DispatchSubjects.caseEscalate, {
      caseId: kase.id,
      reason: '警务助理跟上调未果',
      toLevel: 3,
    });
    expect(at3.ladder.mode).toBe('parties_choose_lawyer');

    const roster = await propose(kase.id);
    expect(roster.leads.every((l) => l.agencyKind === 'lawyer')).toBe(true);
    const unconfirmed = await failure(dispatchTo(kase.id, { leadAgencyId: DEMO_AGENCY.lawyerStudio }));
    expect(unconfirmed.fields?.[0].field).toBe('chosenByParties');
    const notOnList = await failure(
      dispatchTo(kase.id, { leadAgencyId: DEMO_AGENCY.luliCommittee, chosenByParties: true }),
    );
    expect(notOnList.fields?.[0].reasonZh).toContain('名录');
    const [lawyer] = await dispatchTo(kase.id, {
      leadAgencyId: DEMO_AGENCY.lawyerStudio,
      chosenByParties: true,
    });
    expect(
      (await failure(send(DispatchSubjects.caseEscalate, { caseId: kase.id, reason: 'x' }))).status,
    ).toBe(409);
    await agencyReports.accepted(lawyer);
    await agencyReports.closed(lawyer, 'resolved', { agreementSummary: '赔偿800元' });
    const resolved = await eventually(
      () => getCase(kase.id),
      (c) => c.status === 'resolved',
    );
    expect(resolved.ladder.closedLevel).toBe(3);

    const settledLow = await register();
    const [low] = await dispatchTo(settledLow.id, { leadAgencyId: DEMO_AGENCY.luliCommittee });
    await agencyReports.closed(low, 'resolved', { agreementSummary: '互谅互让' });
    await eventually(
      () => getCase(settledLow.id),
      (c) => c.status === 'resolved',
    );
    const index = await send<NotEscalatedIndexView>(DispatchSubjects.notEscalatedIndex, {});
    expect(index.closedCases).toBeGreaterThanOrEqual(2);
    expect(index.closedCases - index.notEscalated).toBeGreaterThanOrEqual(1); // the case that climbed to 3
    expect(index.byClosingLevel.find((l) => l.level === 3)?.cases).toBeGreaterThanOrEqual(1);
    expect(index.escalations).toBeGreaterThanOrEqual(2);
  });

  it('follows the ladder the jurisdiction chose, and refuses a level it does not have', async () => {
    const wangfu = await register({ jurisdictionCode: '370781001025' });
    expect((await getCase(wangfu.id)).ladder.code).toBe('one_three_n');
    const bad = await failure(register({ jurisdictionCode: '370781001025', startLevel: 4 }));
    expect(bad.status).toBe(422);
    expect(bad.fields?.[0].field).toBe('startLevel');
  });
});

describe('intake: repeats, 民转刑 and classification', () => {
  it('links a case to an earlier one of the same party or address and flags it', async () => {
    const party = { kind: 'person', role: 'applicant', name: '赵某', idNumber: '11010519491231002X' };
    const first = await register({ parties: [party], address: '卢李村 12号' });
    const again = await register({ parties: [{ ...party, name: '赵某某' }] });
    const place = await register({ address: '卢李村12号。' });
    const a = await getCase(again.id);
    expect(a.repeat).toBe(true);
    expect(a.links).toEqual([expect.objectContaining({ caseId: first.id, reason: 'same_id_number' })]);
    expect((await getCase(place.id)).links).toEqual(
      expect.arrayContaining([expect.objectContaining({ caseId: first.id, reason: 'same_address' })]),
    );
    expect((await getCase(first.id)).links.map((l) => l.caseId)).toEqual(
      expect.arrayContaining([again.id, place.id]),
    );
  });

  it('puts 民转刑 risk cases first and records the first owner (首接负责)', async () => {
    const risky = await register({ violenceRisk: true, riskLevel: 'major' });
    const page = await send<Page<CaseView>>(DispatchSubjects.caseList, { pageSize: 5 });
    expect(page.items[0].id).toBe(risky.id);
    const c = await getCase(risky.id);
    expect(c.firstOwner).toMatchObject({ id: TEST_ACTOR.id, name: TEST_ACTOR.name });
    expect(c.timeline.map((t) => t.step)).toContain('case_flagged');
  });

  it('suggests a type with the words that drove it, and keeps a correction', async () => {
    const s = await send<TypeSuggestionView>(DispatchSubjects.caseSuggestType, {
      description: '两户因宅基地边界砌墙发生争执，多次协商未果。',
    });
    expect(s.disputeType).toBe('land');
    expect(s.drivingWords.map((w) => w.word)).toContain('宅基地');
    const kase = await register({ description: '两户因宅基地边界砌墙发生争执。' });
    await send(DispatchSubjects.caseReclassify, { caseId: kase.id, disputeType: 'land' });
    const rows: { corrected: boolean; chosen_type: string }[] = await dataSource.query(
      'SELECT corrected, chosen_type FROM dispatch.type_suggestions WHERE case_id = $1 ORDER BY seq',
      [kase.id],
    );
    expect(rows.map((r) => r.chosen_type)).toEqual(['neighbour', 'land']);
    expect(rows[0].corrected).toBe(true);
    expect(
      (await failure(send(DispatchSubjects.caseReclassify, { caseId: kase.id, disputeType: 'nope' }))).status,
    ).toBe(422);
  });
});

describe('the matrix as versioned data, and auto-dispatch', () => {
  it('publishes a new version, refuses a broken one naming the entry, and keeps old referrals on theirs', async () => {
    const current = await send<RoutingMatrixView>(DispatchSubjects.routingMatrixGet, {});
    const broken = await failure(
      send(
        DispatchSubjects.routingMatrixPublish,
        {
          note: '错误示例',
          entries: [
            { disputeType: 'nope', jurisdictionLevel: 'street', agencyKind: 'people', role: 'lead' },
            { disputeType: 'campus', jurisdictionLevel: 'street', agencyKind: 'police', role: 'co' },
          ],
        },
        ADMIN,
      ),
    );
    expect(broken.status).toBe(422);
    expect(broken.fields?.map((p) => p.field)).toEqual(['entries[0].disputeType', 'entries[1]']);
    const next = await send<RoutingMatrixView>(
      DispatchSubjects.routingMatrixPublish,
      {
        note: '校园纠纷改由派出所单独主办',
        entries: current.entries.filter((e) => !(e.disputeType === 'campus' && e.agencyKind === 'people')),
      },
      ADMIN,
    );
    expect(next.version).toBe(current.version + 1);
    const published = await eventually(
      () => stores.events<RoutingMatrixPublishedV1>(RoutingMatrixPublishedV1.subject),
      (e) => e.some((x) => x.version === next.version),
    );
    expect(published).toHaveLength(1);
    expect(
      (await send<RoutingMatrixView>(DispatchSubjects.routingMatrixGet, { version: current.version }))
        .entries,
    ).toHaveLength(current.entries.length);
  });

  it('dispatches a clear case by itself where the policy allows, and leaves a risky one to the coordinator', async () => {
    const policy = await send<DispatchPolicyView>(
      DispatchSubjects.dispatchPolicySet,
      {
        jurisdictionCode: '370781007000',
        autoDispatch: true,
        maxRiskLevel: 'general',
        minConfidence: 0.5,
        minMargin: 0.01,
      },
      ADMIN,
    );
    expect(policy.autoDispatch).toBe(true);
    const clear = await register({
      description: '楼上邻居装修噪音扰民，双方多次争吵。',
      address: '卢李村 88号',
    });
    const auto = await eventually(
      () => getCase(clear.id),
      (c) => c.referrals.length === 1,
    );
    expect(auto.referrals[0]).toMatchObject({ role: 'lead', agencyId: DEMO_AGENCY.luliCommittee });
    expect(auto.timeline.find((t) => t.step === 'referral_issued')?.actorName).toBe('自动派单');

    const risky = await register({ description: '楼上邻居装修噪音扰民，双方多次争吵。', violenceRisk: true });
    const later = await register({
      description: '楼上邻居装修噪音扰民，双方多次争吵。',
      address: '卢李村 99号',
    });
    await eventually(
      () => getCase(later.id),
      (c) => c.referrals.length === 1,
    );
    expect((await getCase(risky.id)).referrals).toHaveLength(0);
    await send(
      DispatchSubjects.dispatchPolicySet,
      {
        jurisdictionCode: '370781007000',
        autoDispatch: false,
        maxRiskLevel: 'general',
        minConfidence: 0.5,
        minMargin: 0.01,
      },
      ADMIN,
    );
  });
});
