import { randomUUID } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  DispatchSubjects,
  WhistleBlownV1,
  WhistleClosedV1,
  WhistleRespondedV1,
  WhistleSupportReportedV1,
  type Actor,
  type CaseSummaryView,
  type CaseView,
  type Page,
  type UnansweredSummonsView,
  type WhistleView,
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
import { seedDemoCity } from '../src/seed/seed-demo-city';
import { BlowWhistle } from '../src/whistles/blow-whistle';
import { Clock } from '../src/clock';
import { SlaTimerEngine } from '../src/sla/sla-timer-engine';

/**
 * 吹哨—响应—支援 (seed 002, 天祝): a grassroots unit summons departments, each must 报到 within the
 * deadline and then support; overdue check-ins land on the coordinator's 督办 list.
 */

const MINJIA = '370781100201'; // 闵家村, 弥河镇 (天祝三级 ladder)
const MIHE = '370781100000';

const reporter: Actor = {
  id: 'u-reporter-minjia',
  name: '闵家村网格员 孙丽',
  role: 'reporter',
  jurisdictionCode: MINJIA,
};
const otherReporter: Actor = {
  id: 'u-reporter-minjia-2',
  name: '闵家村警务助理 王强',
  role: 'reporter',
  jurisdictionCode: MINJIA,
};
const luliReporter: Actor = {
  id: 'u-reporter-luli',
  name: '卢李村网格员 王芳',
  role: 'reporter',
  jurisdictionCode: '370781007201',
};
const miheCoordinator: Actor = {
  id: 'u-coord-mihe',
  name: '弥河镇综治中心 刘协调员',
  role: 'coordinator',
  jurisdictionCode: MIHE,
};
const huanglouCoordinator: Actor = {
  id: 'u-coord-huanglou',
  name: '黄楼街道综治中心 张协调员',
  role: 'coordinator',
  jurisdictionCode: '370781007000',
};
const leader: Actor = {
  id: 'u-leader',
  name: '青州市 赵领导',
  role: 'leader',
  jurisdictionCode: '370781000000',
};
const clerk = (agencyId: string, name: string): Actor => ({
  id: `u-${name}`,
  name,
  role: 'agency_staff',
  agencyId,
});
const policeClerk = clerk(DEMO_AGENCY.mihePolice, '弥河派出所 陈民警');
const landClerk = clerk(DEMO_AGENCY.miheLand, '弥河自然资源所 马所长');
const civilClerk = clerk(DEMO_AGENCY.miheCivil, '弥河镇民政办 李干事');
const huanglouLandClerk = clerk(DEMO_AGENCY.huanglouLand, '黄楼自然资源所 周所长');

let stores: TestStores;
let app: INestMicroservice;
let rpc: RpcClient;
let dataSource: DataSource;

const as = <T>(actor: Actor, subject: string, body: object) =>
  rpc.request<T>('dispatch', subject, actor, body);

/** The clock whistles are stamped and judged by: fixed at `at` until `realTime()`. */
let clock: jest.SpyInstance<Date, []>;
const setClock = (at: Date) => clock.mockImplementation(() => new Date(at));
const realTime = () => clock.mockImplementation(() => new Date());
const minutes = (n: number) => n * 60_000;

const registerInMinjia = (over: object = {}) =>
  as<CaseView>(
    reporter,
    DispatchSubjects.caseRegister,
    aDispute({
      title: '闵家村宅基地边界纠纷',
      description: '两户因宅基地东侧界址争执，涉及确权档案和一户低保资格，双方情绪激动。',
      disputeType: 'land',
      jurisdictionCode: MINJIA,
      ...over,
    }),
  );

const blow = (actor: Actor, caseId: string, unitIds: string[], urgency: 'urgent' | 'normal' = 'urgent') =>
  as<WhistleView>(actor, DispatchSubjects.whistleBlow, {
    caseId,
    urgency,
    reason: '宅基地纠纷双方情绪激动，需派出所、自然资源所、民政办到场',
    unitIds,
  });
const respond = (actor: Actor, whistleId: string, note?: string) =>
  as<WhistleView>(actor, DispatchSubjects.whistleRespond, { whistleId, ...(note ? { note } : {}) });
const support = (actor: Actor, whistleId: string, report: string) =>
  as<WhistleView>(actor, DispatchSubjects.whistleReportSupport, { whistleId, report });
const close = (actor: Actor, whistleId: string, note = '各部门已到场支援，纠纷转入联合调解') =>
  as<WhistleView>(actor, DispatchSubjects.whistleClose, { whistleId, note });
const getWhistle = (actor: Actor, whistleId: string) =>
  as<WhistleView>(actor, DispatchSubjects.whistleGet, { whistleId });
const unanswered = (actor: Actor, query: object = {}) =>
  as<Page<UnansweredSummonsView>>(actor, DispatchSubjects.whistleListUnanswered, { pageSize: 100, ...query });
const listWhistles = (actor: Actor, query: object = {}) =>
  as<Page<WhistleView>>(actor, DispatchSubjects.whistleList, { pageSize: 100, ...query });

beforeAll(async () => {
  stores = await TestStores.start();
  // The test drives the SLA timer engine itself, at the moments it stands the clock at.
  app = await bootService(
    DispatchModule.forRoot(loadDispatchConfig({ ...stores.env(), SLA_TIMER: 'off' })),
    'dispatch',
    stores,
  );
  dataSource = app.get(DataSource);
  await seedDemoCity(dataSource);
  rpc = stores.rpc();
  clock = jest.spyOn(Clock.prototype, 'now');
  realTime();
});

afterEach(() => realTime());

afterAll(async () => {
  clock?.mockRestore();
  await app?.close();
  await stores?.close();
});

describe('the Tianzhu scenario: 吹哨—响应—支援 in 闵家村', () => {
  it('summons three units; two check in on time and support, one never does and lands on the 督办 list; the raiser closes it', async () => {
    const kase = await registerInMinjia();
    // The clock runs on from here: blown now, answered minutes later, supervised two hours on.
    const blownAt = new Date(Date.now() + 1000);
    setClock(blownAt);
    const whistle = await blow(reporter, kase.id, [
      DEMO_AGENCY.mihePolice,
      DEMO_AGENCY.miheLand,
      DEMO_AGENCY.miheCivil,
    ]);
    const respondBy = new Date(blownAt.getTime() + minutes(30)).toISOString();
    expect(whistle).toMatchObject({
      caseId: kase.id,
      caseNumber: kase.caseNumber,
      urgency: 'urgent',
      status: 'open',
      raisedById: reporter.id,
      raisedByName: reporter.name,
      blownAt: blownAt.toISOString(),
      respondBy,
    });
    expect(whistle.summons.map((s) => [s.unitName, s.status, s.respondBy])).toEqual([
      ['青州市公安局弥河派出所', 'summoned', respondBy],
      ['青州市自然资源和规划局弥河自然资源所', 'summoned', respondBy],
      ['弥河镇民政办', 'summoned', respondBy],
    ]);

    // 报到: the police in 12 minutes, the land office in 25; both report what they did.
    setClock(new Date(blownAt.getTime() + minutes(12)));
    await respond(policeClerk, whistle.id, '民警两人已出发');
    setClock(new Date(blownAt.getTime() + minutes(25)));
    await respond(landClerk, whistle.id);
    // Not yet overdue: the 民政办 still has five minutes.
    const early = await unanswered(miheCoordinator);
    expect(early.items.filter((i) => i.whistleId === whistle.id)).toEqual([]);

    setClock(new Date(blownAt.getTime() + minutes(40)));
    // The timer engine notices the 民政办's missed 报到: one breach, for it alone.
    await app.get(SlaTimerEngine).fireDue();
    await support(policeClerk, whistle.id, '到场稳控双方情绪，制止推搡');
    const afterSupport = await support(landClerk, whistle.id, '调取1998年确权档案，现场核实东侧界址');
    expect(
      afterSupport.summons.map((s) => [s.unitId, s.status, s.responseSeconds, s.late, s.overdue]),
    ).toEqual([
      [DEMO_AGENCY.mihePolice, 'supported', 720, false, false],
      [DEMO_AGENCY.miheLand, 'supported', 1500, false, false],
      [DEMO_AGENCY.miheCivil, 'summoned', undefined, undefined, true],
    ]);
    expect(afterSupport.summons[0]).toMatchObject({
      respondedByName: policeClerk.name,
      responseNote: '民警两人已出发',
      supportReport: '到场稳控双方情绪，制止推搡',
    });

    // Two hours on, the 民政办 is 90 minutes overdue and on the 督办 list, alone.
    setClock(new Date(blownAt.getTime() + minutes(120)));
    const overdue = await unanswered(miheCoordinator);
    const mine = overdue.items.filter((i) => i.whistleId === whistle.id);
    expect(mine).toEqual([
      expect.objectContaining({
        unitId: DEMO_AGENCY.miheCivil,
        unitName: '弥河镇民政办',
        unitKind: 'department',
        caseNumber: kase.caseNumber,
        jurisdictionCode: MINJIA,
        urgency: 'urgent',
        whistleStatus: 'open',
        raisedByName: reporter.name,
        respondBy,
      }),
    ]);
    expect(mine[0].overdueSeconds).toBe(90 * 60);
    expect(overdue.total).toBe(overdue.items.length);
    // Filters: by unit, by jurisdiction; the leader sees the city, 黄楼's coordinator not 弥河.
    const byUnit = await unanswered(miheCoordinator, { unitId: DEMO_AGENCY.miheCivil });
    expect(byUnit.items.every((i) => i.unitId === DEMO_AGENCY.miheCivil)).toBe(true);
    expect(byUnit.items.some((i) => i.whistleId === whistle.id)).toBe(true);
    const policeOnly = await unanswered(miheCoordinator, { unitId: DEMO_AGENCY.mihePolice });
    expect(policeOnly.items.some((i) => i.whistleId === whistle.id)).toBe(false);
    expect((await unanswered(leader, { jurisdictionCode: MINJIA })).items.map((i) => i.whistleId)).toContain(
      whistle.id,
    );
    expect(
      (await unanswered(leader, { jurisdictionCode: '370781007' })).items.some(
        (i) => i.whistleId === whistle.id,
      ),
    ).toBe(false);
    expect((await unanswered(huanglouCoordinator)).items.some((i) => i.whistleId === whistle.id)).toBe(false);
    for (const who of [reporter, civilClerk]) {
      expect((await failure(unanswered(who))).status).toBe(403);
    }

    // The raiser confirms; the silent unit stays on record as a non-responder.
    const closed = await close(reporter, whistle.id);
    expect(closed).toMatchObject({
      status: 'closed',
      closedByName: reporter.name,
      closingNote: expect.any(String),
    });
    expect(closed.summons.map((s) => [s.status, s.responseSeconds])).toEqual([
      ['supported', 720],
      ['supported', 1500],
      ['summoned', undefined],
    ]);
    const late = await failure(respond(civilClerk, whistle.id));
    expect(late.status).toBe(409);
    expect(late.message).toContain('status: closed');
    expect(late.messageZh).toContain('确认办结');
    const afterClose = await unanswered(miheCoordinator, { unitId: DEMO_AGENCY.miheCivil });
    expect(afterClose.items.find((i) => i.whistleId === whistle.id)?.whistleStatus).toBe('closed');
    const stillOpen = await unanswered(miheCoordinator, { whistleStatus: 'open' });
    expect(stillOpen.items.some((i) => i.whistleId === whistle.id)).toBe(false);

    // Each step on the case's timeline, in order.
    const view = await as<CaseView>(reporter, DispatchSubjects.caseGet, { caseId: kase.id });
    expect(view.timeline.map((t) => t.step)).toEqual([
      'case_registered',
      'whistle_blown',
      'whistle_responded',
      'whistle_responded',
      'sla_breached',
      'whistle_support_reported',
      'whistle_support_reported',
      'whistle_closed',
    ]);
    expect(view.timeline[1].summary).toContain('弥河镇民政办');
    expect(view.timeline[2]).toMatchObject({
      agencyName: '青州市公安局弥河派出所',
      actorName: policeClerk.name,
    });
    expect(view.timeline[4].summary).toContain('报到超期：弥河镇民政办');
    expect(view.timeline[7].summary).toContain('未报到：弥河镇民政办');

    // The events, on JetStream, with the payloads consumers need.
    const blown = await eventually(
      () => stores.events<WhistleBlownV1>(WhistleBlownV1.subject),
      (e) => e.some((x) => x.whistleId === whistle.id),
    );
    expect(blown.filter((e) => e.whistleId === whistle.id)).toEqual([
      expect.objectContaining({
        caseId: kase.id,
        caseNumber: kase.caseNumber,
        urgency: 'urgent',
        summonedUnitIds: [DEMO_AGENCY.mihePolice, DEMO_AGENCY.miheLand, DEMO_AGENCY.miheCivil],
        respondBy,
        blownAt: blownAt.toISOString(),
        blownBy: expect.objectContaining({ id: reporter.id, role: 'reporter' }),
      }),
    ]);
    const responded = await eventually(
      () => stores.events<WhistleRespondedV1>(WhistleRespondedV1.subject),
      (e) => e.filter((x) => x.whistleId === whistle.id).length === 2,
    );
    expect(
      responded.filter((e) => e.whistleId === whistle.id).map((e) => [e.unitId, e.responseSeconds, e.late]),
    ).toEqual([
      [DEMO_AGENCY.mihePolice, 720, false],
      [DEMO_AGENCY.miheLand, 1500, false],
    ]);
    const supported = await eventually(
      () => stores.events<WhistleSupportReportedV1>(WhistleSupportReportedV1.subject),
      (e) => e.filter((x) => x.whistleId === whistle.id).length === 2,
    );
    expect(supported.filter((e) => e.whistleId === whistle.id).map((e) => e.report)).toEqual([
      '到场稳控双方情绪，制止推搡',
      '调取1998年确权档案，现场核实东侧界址',
    ]);
    const closedEvents = await eventually(
      () => stores.events<WhistleClosedV1>(WhistleClosedV1.subject),
      (e) => e.some((x) => x.whistleId === whistle.id),
    );
    expect(closedEvents.filter((e) => e.whistleId === whistle.id)).toEqual([
      expect.objectContaining({ caseId: kase.id, closedBy: expect.objectContaining({ id: reporter.id }) }),
    ]);

    // Response times stay on record in the rows.
    const rows = await dataSource.query(
      'SELECT unit_id, response_seconds, late FROM dispatch.whistle_summons WHERE whistle_id = $1 ORDER BY position',
      [whistle.id],
    );
    expect(rows.map((r: { response_seconds: number | null }) => r.response_seconds)).toEqual([
      720,
      1500,
      null,
    ]);
  });

  it('lets a summoned department see the case and its whistles, and nobody outside', async () => {
    const kase = await registerInMinjia();
    const whistle = await blow(reporter, kase.id, [DEMO_AGENCY.miheCivil]);
    expect((await as<CaseView>(civilClerk, DispatchSubjects.caseGet, { caseId: kase.id })).id).toBe(kase.id);
    const cases = await as<Page<CaseSummaryView>>(civilClerk, DispatchSubjects.caseList, { pageSize: 100 });
    expect(cases.items.map((c) => c.id)).toContain(kase.id);
    expect((await getWhistle(civilClerk, whistle.id)).id).toBe(whistle.id);
    expect((await listWhistles(civilClerk)).items.map((w) => w.id)).toContain(whistle.id);

    for (const outsider of [huanglouLandClerk, luliReporter, huanglouCoordinator, landClerk]) {
      expect((await failure(getWhistle(outsider, whistle.id))).status).toBe(404);
      expect((await listWhistles(outsider)).items.map((w) => w.id)).not.toContain(whistle.id);
    }
    expect((await failure(as(huanglouLandClerk, DispatchSubjects.caseGet, { caseId: kase.id }))).status).toBe(
      404,
    );
    expect((await failure(as(landClerk, DispatchSubjects.caseGet, { caseId: kase.id }))).status).toBe(404);
    expect(
      (
        await failure(
          as({ ...leader, role: 'admin' }, DispatchSubjects.whistleGet, { whistleId: whistle.id }),
        )
      ).status,
    ).toBe(404);
  });
});

describe('answering in order, once each (409)', () => {
  let whistleId: string;

  beforeAll(async () => {
    const kase = await registerInMinjia();
    whistleId = (await blow(reporter, kase.id, [DEMO_AGENCY.mihePolice, DEMO_AGENCY.miheLand])).id;
  });

  it('refuses support before 报到, naming the current state in both languages', async () => {
    const e = await failure(support(landClerk, whistleId, '提前报告'));
    expect(e.status).toBe(409);
    expect(e.message).toContain('status: summoned');
    expect(e.messageZh).toContain('尚未报到');
    expect(e.messageZh).toContain('已召集');
  });

  it('refuses a second 报到 and a second support', async () => {
    await respond(policeClerk, whistleId);
    const twice = await failure(respond(policeClerk, whistleId));
    expect(twice.status).toBe(409);
    expect(twice.message).toContain('status: responded');
    expect(twice.messageZh).toContain('不能重复报到');
    await support(policeClerk, whistleId, '到场');
    const again = await failure(support(policeClerk, whistleId, '再次到场'));
    expect(again.status).toBe(409);
    expect(again.messageZh).toContain('已支援');
  });

  it('answers 404 to a unit outside, 403 to one who sees the whistle but is not summoned', async () => {
    expect((await failure(respond(huanglouLandClerk, whistleId))).status).toBe(404);
    expect((await failure(support(huanglouLandClerk, whistleId, 'x'))).status).toBe(404);
    expect((await failure(respond(miheCoordinator, whistleId))).status).toBe(403);
    expect((await failure(respond(leader, whistleId))).status).toBe(403);
    expect((await failure(respond(policeClerk, randomUUID()))).status).toBe(404);
  });

  it('marks a check-in after the deadline late, with its response time', async () => {
    const kase = await registerInMinjia();
    const blownAt = new Date(Date.now() + 1000);
    setClock(blownAt);
    const w = await blow(reporter, kase.id, [DEMO_AGENCY.miheLand], 'urgent');
    setClock(new Date(blownAt.getTime() + minutes(44)));
    const view = await respond(landClerk, w.id);
    expect(view.summons[0]).toMatchObject({ status: 'responded', responseSeconds: 44 * 60, late: true });
  });
});

describe('blowing a whistle', () => {
  it('needs existing units serving the case’s place (422 naming unitIds[i]) and writes nothing otherwise', async () => {
    const kase = await registerInMinjia();
    const e = await failure(blow(reporter, kase.id, [DEMO_AGENCY.mihePolice, randomUUID()]));
    expect([e.status, e.fields?.[0].field]).toEqual([422, 'unitIds[1]']);
    const count = await dataSource.query(
      'SELECT count(*)::int AS n FROM dispatch.whistles WHERE case_id = $1',
      [kase.id],
    );
    expect(count[0].n).toBe(0);
    // A unit of another town does not serve 闵家村: summoning it would open the case to it.
    const elsewhere = await failure(blow(reporter, kase.id, [DEMO_AGENCY.huanglouLand]));
    expect([elsewhere.status, elsewhere.fields?.[0].field]).toEqual([422, 'unitIds[0]']);
    const empty = await failure(blow(reporter, kase.id, []));
    expect([empty.status, empty.fields?.[0].field]).toEqual([400, 'unitIds']);
    const dup = await failure(blow(reporter, kase.id, [DEMO_AGENCY.miheLand, DEMO_AGENCY.miheLand]));
    expect([dup.status, dup.fields?.[0].field]).toEqual([400, 'unitIds']);
  });

  it('gives a normal whistle 24 hours, from config', async () => {
    const kase = await registerInMinjia();
    const at = new Date('2026-11-20T01:00:00.000Z');
    setClock(at);
    const w = await blow(reporter, kase.id, [DEMO_AGENCY.miheFarming], 'normal');
    expect(w.respondBy).toBe('2026-11-21T01:00:00.000Z');
  });

  it('lets an agency on the case blow it, never summoning itself', async () => {
    const kase = await registerInMinjia();
    // Outside its cases an agency cannot blow a whistle at all.
    expect((await failure(blow(policeClerk, kase.id, [DEMO_AGENCY.miheLand]))).status).toBe(404);
    await as(TEST_ACTOR, DispatchSubjects.referralIssue, {
      caseId: kase.id,
      agencyId: DEMO_AGENCY.mihePolice,
      overrideReason: '双方情绪激动，先由派出所牵头稳控',
    });
    const self = await failure(blow(policeClerk, kase.id, [DEMO_AGENCY.miheLand, DEMO_AGENCY.mihePolice]));
    expect([self.status, self.fields?.[0].field]).toEqual([422, 'unitIds[1]']);
    const w = await blow(policeClerk, kase.id, [DEMO_AGENCY.miheLand]);
    expect(w).toMatchObject({
      raisedByUnitId: DEMO_AGENCY.mihePolice,
      raisedByUnitName: '青州市公安局弥河派出所',
    });
    // The raising unit lists it; the summoned unit too.
    expect((await listWhistles(policeClerk, { caseId: kase.id })).items.map((x) => x.id)).toEqual([w.id]);
    expect((await listWhistles(landClerk, { caseId: kase.id })).items.map((x) => x.id)).toEqual([w.id]);
    // Only the raiser or a coordinator over the case closes it.
    expect((await failure(close(landClerk, w.id))).status).toBe(403);
    expect((await close(policeClerk, w.id)).status).toBe('closed');
  });

  it('refuses a closed case (409), one outside the 辖区 (404) and roles that do not blow whistles (403)', async () => {
    const kase = await registerInMinjia();
    expect((await failure(blow(luliReporter, kase.id, [DEMO_AGENCY.miheLand]))).status).toBe(404);
    expect((await failure(blow(leader, kase.id, [DEMO_AGENCY.miheLand]))).status).toBe(403);
    await dataSource.query("UPDATE dispatch.cases SET status = 'resolved' WHERE id = $1", [kase.id]);
    const e = await failure(blow(reporter, kase.id, [DEMO_AGENCY.miheLand]));
    expect(e.status).toBe(409);
    expect(e.messageZh).toContain('已结案');
  });
});

describe('the 报到 deadlines', () => {
  it('come from config (WHISTLE_RESPOND_URGENT_MINUTES, WHISTLE_RESPOND_NORMAL_HOURS), 30 minutes and 24 hours by default', () => {
    const at = new Date('2026-11-20T01:00:00.000Z');
    const deadlines = (env: Record<string, string>) =>
      new BlowWhistle(dataSource, null as never, new Clock(), loadDispatchConfig(env), null as never);
    const defaults = deadlines({});
    expect(defaults.respondBy('urgent', at).toISOString()).toBe('2026-11-20T01:30:00.000Z');
    expect(defaults.respondBy('normal', at).toISOString()).toBe('2026-11-21T01:00:00.000Z');
    const tuned = deadlines({ WHISTLE_RESPOND_URGENT_MINUTES: '15', WHISTLE_RESPOND_NORMAL_HOURS: '48' });
    expect(tuned.respondBy('urgent', at).toISOString()).toBe('2026-11-20T01:15:00.000Z');
    expect(tuned.respondBy('normal', at).toISOString()).toBe('2026-11-22T01:00:00.000Z');
    expect(() => loadDispatchConfig({ WHISTLE_RESPOND_URGENT_MINUTES: '0' })).toThrow(
      /WHISTLE_RESPOND_URGENT_MINUTES/,
    );
  });
});

describe('closing a whistle', () => {
  it('is for the raiser or a coordinator over the case, once', async () => {
    const kase = await registerInMinjia();
    const w = await blow(reporter, kase.id, [DEMO_AGENCY.miheLand]);
    expect((await failure(close(otherReporter, w.id))).status).toBe(403);
    expect((await failure(close(huanglouCoordinator, w.id))).status).toBe(404);
    expect((await close(miheCoordinator, w.id)).closedByName).toBe(miheCoordinator.name);
    const twice = await failure(close(reporter, w.id));
    expect(twice.status).toBe(409);
    expect(twice.messageZh).toContain(miheCoordinator.name);
    expect((await failure(support(landClerk, w.id, 'x'))).status).toBe(409);
  });
});

describe('listing whistles', () => {
  it('filters by case, status, urgency and summoned unit, and pages', async () => {
    const kase = await registerInMinjia();
    const a = await blow(reporter, kase.id, [DEMO_AGENCY.miheLand], 'urgent');
    const b = await blow(reporter, kase.id, [DEMO_AGENCY.miheCivil, DEMO_AGENCY.miheFarming], 'normal');
    await close(reporter, a.id);
    const ids = async (q: object) =>
      (await listWhistles(miheCoordinator, { caseId: kase.id, ...q })).items.map((w) => w.id);
    expect((await ids({})).sort()).toEqual([a.id, b.id].sort());
    expect(await ids({ status: 'closed' })).toEqual([a.id]);
    expect(await ids({ urgency: 'normal' })).toEqual([b.id]);
    expect(await ids({ unitId: DEMO_AGENCY.miheFarming })).toEqual([b.id]);
    const paged = await listWhistles(miheCoordinator, { caseId: kase.id, pageSize: 1, page: 2 });
    expect([paged.total, paged.items.length, paged.page]).toEqual([2, 1, 2]);
    expect(paged.items[0].summons.length).toBeGreaterThan(0);
    const bad = await failure(listWhistles(miheCoordinator, { urgency: 'whenever' }));
    expect([bad.status, bad.fields?.[0].field]).toEqual([400, 'urgency']);
  });
});
