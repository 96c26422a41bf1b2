import type { INestMicroservice } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  DispatchSubjects,
  ReferralAcceptedV1,
  ReferralClosedV1,
  type Actor,
  type CaseView,
  type ConferenceTaskView,
  type ConferenceView,
  type Page,
  type ReferralView,
  type RoutingProposalView,
  type UnansweredSummonsView,
  type WhistleView,
} from '@fengqiao/contracts';
import type { RpcClient } from '@fengqiao/messaging';
import { aDispute, bootService, DEMO_AGENCY, eventually, TEST_ACTOR, TestStores } from '@fengqiao/testing';
import { DispatchModule } from '../src/app.module';
import { loadDispatchConfig } from '../src/config';
import { seedDemoCity } from '../src/seed/seed-demo-city';
import { Clock } from '../src/clock';

/**
 * The three stories of the seeds, replayed through dispatch as its users would live them:
 * 丁卯 (001, 1+3+N), 黄楼 (003, 五级联动 up to a joint conference) and 天祝 (002, 吹哨—响应—支援).
 */
let stores: TestStores;
let app: INestMicroservice;
let rpc: RpcClient;

const DAY = 86_400_000;
const send = <T>(subject: string, body: object, actor: Actor = TEST_ACTOR) =>
  rpc.request<T>('dispatch', subject, actor, body);
const getCase = (caseId: string) => send<CaseView>(DispatchSubjects.caseGet, { caseId });
const staffOf = (agencyId: string, name: string): Actor => ({
  id: `staff-${agencyId.slice(-3)}`,
  name,
  role: 'agency_staff',
  agencyId,
});

/** An agency's clerk accepts and later closes, as the agency service would report it. */
async function agencyHandles(
  r: ReferralView,
  outcome: 'resolved' | 'failed',
  opts: { acceptedAt: Date; closedAt: Date; note: string; agreementSummary?: string },
) {
  const by = staffOf(r.agencyId, r.agencyName);
  await stores.publish(ReferralAcceptedV1, {
    referralId: r.id,
    caseId: r.caseId,
    agencyId: r.agencyId,
    agencyKind: r.agencyKind,
    acceptedAt: opts.acceptedAt.toISOString(),
    acceptedBy: by,
  });
  // The agency closes only what it has accepted: wait until dispatch has applied the acceptance.
  await eventually(
    () => getCase(r.caseId),
    (c) => c.referrals.find((x) => x.id === r.id)?.status === 'accepted',
  );
  await stores.publish(ReferralClosedV1, {
    referralId: r.id,
    caseId: r.caseId,
    agencyId: r.agencyId,
    agencyKind: r.agencyKind,
    outcome,
    note: opts.note,
    ...(outcome === 'resolved' ? { agreementSummary: opts.agreementSummary } : { nextStep: 'escalate' }),
    closedAt: opts.closedAt.toISOString(),
    closedBy: by,
  });
  return eventually(
    () => getCase(r.caseId),
    (c) => c.referrals.find((x) => x.id === r.id)?.status === 'closed',
  );
}

/** One failed rung: dispatched, tried, failed; then the coordinator escalates with the reason. */
async function failAndEscalate(caseId: string, dispatch: object, reason: string): Promise<CaseView> {
  const [r] = await send<ReferralView[]>(DispatchSubjects.caseDispatch, { caseId, ...dispatch });
  const now = new Date();
  await agencyHandles(r, 'failed', { acceptedAt: now, closedAt: now, note: '双方分歧较大，调解不成' });
  return send<CaseView>(DispatchSubjects.caseEscalate, { caseId, reason });
}

beforeAll(async () => {
  stores = await TestStores.start();
  // The clock seam stands time still here; the SLA engine is driven in sla.service.spec.ts.
  app = await bootService(
    DispatchModule.forRoot(loadDispatchConfig({ ...stores.env(), SLA_TIMER: 'off' })),
    'dispatch',
    stores,
  );
  await seedDemoCity(app.get(DataSource));
  rpc = stores.rpc();
});

afterAll(async () => {
  await app?.close();
  await stores?.close();
});

it('丁卯 (1+3+N): police on the scene fail, the centre’s mediator settles it in three days', async () => {
  const registered = await send<CaseView>(
    DispatchSubjects.caseRegister,
    aDispute({
      title: '工地施工受伤赔偿纠纷',
      description: '110警情：某工地工人施工时从脚手架摔伤，与包工头就医疗费和误工费赔偿发生争执。',
      disputeType: 'work_injury',
      jurisdictionCode: '370781001025',
      channel: 'call_110',
      incidentNumber: 'J3707812026112300031',
    }),
  );
  expect(registered.ladder).toMatchObject({ code: 'one_three_n', level: 1, levelName: '现场调处（民警）' });

  // Level 1: police settle simple disputes on the spot; this one they cannot.
  const proposal = await send<RoutingProposalView>(DispatchSubjects.routingPropose, {
    caseId: registered.id,
  });
  expect(proposal.leads.map((l) => l.agencyId)).toContain(DEMO_AGENCY.wangfuPolice);
  const atCentre = await failAndEscalate(
    registered.id,
    { leadAgencyId: DEMO_AGENCY.wangfuPolice },
    '民警现场调处未果，按程序移交宜调解中心',
  );
  expect(atCentre.ladder).toMatchObject({ level: 2, levelName: '中心调解（金牌调解员、工作站）' });

  // Level 2: the centre's 金牌调解员 takes it and settles it three days later.
  const [centre] = await send<ReferralView[]>(DispatchSubjects.caseDispatch, {
    caseId: registered.id,
    leadAgencyId: DEMO_AGENCY.wangfuCentre,
    note: '请金牌调解员主持调解',
  });
  const accepted = new Date();
  const settled = await agencyHandles(centre, 'resolved', {
    acceptedAt: accepted,
    closedAt: new Date(accepted.getTime() + 3 * DAY),
    note: '经三天调解，双方达成协议',
    agreementSummary: '包工头一次性赔偿医疗费、误工费共计3.2万元',
  });
  const done = await eventually(
    () => getCase(settled.id),
    (c) => c.status === 'resolved',
  );
  expect(done.ladder).toMatchObject({ startLevel: 1, closedLevel: 2 });
  const closedReferral = done.referrals.find((r) => r.id === centre.id)!;
  expect(closedReferral.agreementSummary).toContain('3.2万元');
  expect(new Date(closedReferral.closedAt!).getTime() - new Date(closedReferral.acceptedAt!).getTime()).toBe(
    3 * DAY,
  );
  expect(done.timeline.map((t) => t.step)).toEqual([
    'case_registered',
    'referral_issued',
    'referral_accepted',
    'referral_closed',
    'case_escalated',
    'referral_issued',
    'referral_accepted',
    'referral_closed',
  ]);
});

it('黄楼 (五级联动): a neighbours’ quarrel climbs all five levels, the parties choose the lawyer, a joint conference settles it', async () => {
  const kase = await send<CaseView>(
    DispatchSubjects.caseRegister,
    aDispute({
      title: '邻里宅基地排水纠纷',
      description: '卢李村两户因房屋排水沟和宅基地边界争执多年，多次发生口角。',
      address: '黄楼街道卢李村东街7号',
    }),
  );
  await failAndEscalate(kase.id, { leadAgencyId: DEMO_AGENCY.luliCommittee }, '五老乡贤拉呱调未果');
  await failAndEscalate(kase.id, { leadAgencyId: DEMO_AGENCY.luliPolicePost }, '警务助理跟上调未果');

  // Level 3: a lawyer, chosen by the parties from the published list.
  const roster = await send<RoutingProposalView>(DispatchSubjects.routingPropose, { caseId: kase.id });
  expect(roster.leads.map((l) => l.agencyId).sort()).toEqual(
    [DEMO_AGENCY.lawyerStudio, DEMO_AGENCY.cityLawyerStudio].sort(),
  );
  await failAndEscalate(
    kase.id,
    { leadAgencyId: DEMO_AGENCY.cityLawyerStudio, chosenByParties: true, note: '双方当事人共同选定' },
    '律师介入调未果',
  );
  // Level 4: a hearing chaired by community police.
  const at5 = await failAndEscalate(
    kase.id,
    { leadAgencyId: DEMO_AGENCY.huanglouPolice },
    '听证调后仍有争议，涉及宅基地确权',
  );
  expect(at5.ladder).toMatchObject({ level: 5, mode: 'joint_conference' });
  expect(at5.escalations.map((e) => [e.fromLevel, e.toLevel])).toEqual([
    [1, 2],
    [2, 3],
    [3, 4],
    [4, 5],
  ]);

  // Level 5: the joint conference dispatches a task to each department; the case closes with the last one.
  const conference = await send<ConferenceView>(DispatchSubjects.conferenceSchedule, {
    caseId: kase.id,
    scheduledFor: new Date(Date.now() + DAY).toISOString(),
    place: '黄楼街道综治中心会议室',
    participantUnitIds: [DEMO_AGENCY.huanglouLand, DEMO_AGENCY.huanglouCivil, DEMO_AGENCY.huanglouCourt],
  });
  // The minutes carry a task (派单) to each department the meeting named.
  const dueAt = new Date(Date.now() + 7 * DAY).toISOString();
  const withTasks = await send<ConferenceView>(DispatchSubjects.conferenceRecordMinutes, {
    conferenceId: conference.id,
    minutes: '自然资源所负责勘界确权；民政办负责困难家庭救助；法庭负责司法确认指导。',
    heldAt: new Date().toISOString(),
    tasks: [
      { unitId: DEMO_AGENCY.huanglouLand, description: '现场勘界，出具宅基地四至确认意见', dueAt },
      { unitId: DEMO_AGENCY.huanglouCivil, description: '对困难一方落实临时救助', dueAt },
    ],
  });
  const tasks: ConferenceTaskView[] = withTasks.tasks;
  expect(tasks.map((t) => t.unitId)).toEqual([DEMO_AGENCY.huanglouLand, DEMO_AGENCY.huanglouCivil]);
  await send(
    DispatchSubjects.conferenceTaskClose,
    { taskId: tasks[0].id, result: '已勘界，双方签字确认' },
    staffOf(DEMO_AGENCY.huanglouLand, '自然资源所'),
  );
  expect((await getCase(kase.id)).status).not.toBe('resolved');
  await send(
    DispatchSubjects.conferenceTaskClose,
    { taskId: tasks[1].id, result: '已发放临时救助金' },
    staffOf(DEMO_AGENCY.huanglouCivil, '民政办'),
  );
  const done = await getCase(kase.id);
  expect(done.status).toBe('resolved');
  expect(done.ladder.closedLevel).toBe(5);
});

it('天祝 (吹哨—响应—支援): a village reporter summons three units; one never checks in and is listed for 督办', async () => {
  const reporter: Actor = {
    id: 'reporter-minjia',
    name: '闵家村网格员',
    role: 'reporter',
    jurisdictionCode: '370781100201',
  };
  const kase = await send<CaseView>(
    DispatchSubjects.caseRegister,
    aDispute({
      title: '承包地边界及灌溉纠纷',
      description: '闵家村两户因承包地边界和浇地用水发生争执，一方扬言要动手。',
      disputeType: 'land',
      jurisdictionCode: '370781100201',
      channel: 'grid_report',
      violenceRisk: true,
    }),
    reporter,
  );
  expect(kase.ladder.code).toBe('tianzhu_three_tier');
  const whistle = await send<WhistleView>(
    DispatchSubjects.whistleBlow,
    {
      caseId: kase.id,
      urgency: 'urgent',
      reason: '村级调处不了，需派出所、自然资源所和民政办到场',
      unitIds: [DEMO_AGENCY.mihePolice, DEMO_AGENCY.miheLand, DEMO_AGENCY.miheCivil],
    },
    reporter,
  );
  expect(new Date(whistle.respondBy).getTime() - new Date(whistle.blownAt).getTime()).toBe(30 * 60_000);
  for (const [unitId, name, report] of [
    [DEMO_AGENCY.mihePolice, '弥河派出所', '民警到场稳控，防止矛盾激化'],
    [DEMO_AGENCY.miheLand, '弥河自然资源所', '调取承包合同和地籍图，现场指界'],
  ]) {
    const staff = staffOf(unitId, name);
    await send(DispatchSubjects.whistleRespond, { whistleId: whistle.id }, staff);
    await send(DispatchSubjects.whistleReportSupport, { whistleId: whistle.id, report }, staff);
  }
  // Thirty-one minutes on, 民政办 still has not checked in.
  const later = new Date(new Date(whistle.blownAt).getTime() + 31 * 60_000);
  const spy = jest.spyOn(Clock.prototype, 'now').mockReturnValue(later);
  try {
    const unanswered = await send<Page<UnansweredSummonsView>>(DispatchSubjects.whistleListUnanswered, {});
    const mine = unanswered.items.filter((u) => u.whistleId === whistle.id);
    expect(mine.map((u) => u.unitId)).toEqual([DEMO_AGENCY.miheCivil]);
    expect(mine[0].overdueSeconds).toBeGreaterThanOrEqual(60);
  } finally {
    spy.mockRestore();
  }
  await send(
    DispatchSubjects.whistleClose,
    { whistleId: whistle.id, note: '两家已到场支援，纠纷暂时稳控' },
    reporter,
  );
  const closed = await send<WhistleView>(DispatchSubjects.whistleGet, { whistleId: whistle.id });
  expect(closed.status).toBe('closed');
  const byUnit = new Map(closed.summons.map((s) => [s.unitId, s]));
  expect(byUnit.get(DEMO_AGENCY.mihePolice)).toMatchObject({ status: 'supported', late: false });
  expect(byUnit.get(DEMO_AGENCY.mihePolice)?.responseSeconds).toBeGreaterThanOrEqual(0);
  expect(byUnit.get(DEMO_AGENCY.miheCivil)).toMatchObject({ status: 'summoned' });
  expect(byUnit.get(DEMO_AGENCY.miheCivil)?.respondedAt).toBeUndefined();
});
