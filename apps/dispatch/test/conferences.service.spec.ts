import { randomUUID } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  CaseStatusChangedV1,
  ConferenceHeldV1,
  ConferenceScheduledV1,
  ConferenceTaskClosedV1,
  ConferenceTaskIssuedV1,
  DispatchSubjects,
  type Actor,
  type CaseView,
  type ConferenceTaskView,
  type ConferenceView,
  type Page,
} from '@fengqiao/contracts';
import type { RpcClient } from '@fengqiao/messaging';
import { aDispute, bootService, DEMO_AGENCY, eventually, failure, TestStores } from '@fengqiao/testing';
import { DispatchModule } from '../src/app.module';
import { loadDispatchConfig } from '../src/config';
import { seedDemoCity } from '../src/seed/seed-demo-city';

/**
 * 联席调 (seed 003, 五级联动 level 5): departments meet on a case, record minutes, and each gets a
 * task (派单制); when the last task closes, the conference closes and the case is resolved.
 */

const coordinator: Actor = {
  id: 'u-coord-huanglou',
  name: '黄楼街道综治中心 张协调员',
  role: 'coordinator',
  jurisdictionCode: '370781007000',
};
const miheCoordinator: Actor = {
  id: 'u-coord-mihe',
  name: '弥河镇综治中心 刘协调员',
  role: 'coordinator',
  jurisdictionCode: '370781100000',
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
const landClerk = clerk(DEMO_AGENCY.huanglouLand, '黄楼自然资源所 周所长');
const civilClerk = clerk(DEMO_AGENCY.huanglouCivil, '黄楼街道民政办 吴干事');
const policeClerk = clerk(DEMO_AGENCY.huanglouPolice, '黄楼派出所 陈民警');
const marketClerk = clerk(DEMO_AGENCY.huanglouMarket, '黄楼市场监管所 郑所长');
const miheLandClerk = clerk(DEMO_AGENCY.miheLand, '弥河自然资源所 马所长');

let stores: TestStores;
let app: INestMicroservice;
let rpc: RpcClient;
let dataSource: DataSource;

const as = <T>(actor: Actor, subject: string, body: object) =>
  rpc.request<T>('dispatch', subject, actor, body);
const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

/** A 卢李村 case (五级联动), standing at `level` of the ladder (escalation is another feature). */
async function caseAtLevel(level: number): Promise<CaseView> {
  const kase = await as<CaseView>(
    coordinator,
    DispatchSubjects.caseRegister,
    aDispute({ title: '卢李村宅基地及低保纠纷', disputeType: 'land' }),
  );
  await dataSource.query('UPDATE dispatch.cases SET ladder_level = $2 WHERE id = $1', [kase.id, level]);
  return kase;
}

const schedule = (caseId: string, participantUnitIds: string[], actor: Actor = coordinator) =>
  as<ConferenceView>(actor, DispatchSubjects.conferenceSchedule, {
    caseId,
    scheduledFor: hoursFromNow(-1),
    place: '黄楼街道警政多元调解中心二楼会议室',
    participantUnitIds,
  });
const aTask = (unitId: string, dueAt = hoursFromNow(24)) => ({
  unitId,
  description: '按会议纪要办理并书面反馈',
  dueAt,
});
const recordMinutes = (
  conferenceId: string,
  actor: Actor = coordinator,
  heldAt = new Date().toISOString(),
  tasks = [aTask(DEMO_AGENCY.huanglouLand)],
) =>
  as<ConferenceView>(actor, DispatchSubjects.conferenceRecordMinutes, {
    conferenceId,
    minutes: '经会商：自然资源所复核宅基地四至；民政办核查低保资格；派出所负责稳控。',
    heldAt,
    tasks,
  });
const issueTask = (
  conferenceId: string,
  unitId: string,
  dueAt = hoursFromNow(72),
  actor: Actor = coordinator,
) =>
  as<ConferenceView>(actor, DispatchSubjects.conferenceTaskIssue, {
    conferenceId,
    unitId,
    description: '按会议纪要办理并书面反馈',
    dueAt,
  });
const closeTask = (actor: Actor, taskId: string, result = '已按纪要办结并书面反馈') =>
  as<ConferenceTaskView>(actor, DispatchSubjects.conferenceTaskClose, { taskId, result });
const getConference = (actor: Actor, conferenceId: string) =>
  as<ConferenceView>(actor, DispatchSubjects.conferenceGet, { conferenceId });
const getCase = (actor: Actor, caseId: string) => as<CaseView>(actor, DispatchSubjects.caseGet, { caseId });
const caseRow = async (caseId: string) =>
  (await dataSource.query('SELECT status, closed_level FROM dispatch.cases WHERE id = $1', [caseId]))[0] as {
    status: string;
    closed_level: number | null;
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

describe('convening (联席调 only at the joint-conference level)', () => {
  it("refuses a case below its ladder's joint-conference level, naming the level (422 caseId)", async () => {
    const kase = await caseAtLevel(3);
    const e = await failure(schedule(kase.id, [DEMO_AGENCY.huanglouLand, DEMO_AGENCY.huanglouCivil]));
    expect([e.status, e.fields?.[0].field]).toEqual([422, 'caseId']);
    expect(e.message).toContain('level 3');
    expect(e.message).toContain('level 5');
    expect(e.messageZh).toContain('第 3 级');
    expect(e.messageZh).toContain('须先升级');
  });

  it('needs two or more existing participants, a coordinator over the case, and one conference at a time', async () => {
    const kase = await caseAtLevel(5);
    const one = await failure(schedule(kase.id, [DEMO_AGENCY.huanglouLand]));
    expect([one.status, one.fields?.[0].field]).toEqual([400, 'participantUnitIds']);
    const unknown = await failure(schedule(kase.id, [DEMO_AGENCY.huanglouLand, randomUUID()]));
    expect([unknown.status, unknown.fields?.[0].field]).toEqual([422, 'participantUnitIds[1]']);
    const elsewhere = await failure(schedule(kase.id, [DEMO_AGENCY.huanglouLand, DEMO_AGENCY.miheLand]));
    expect([elsewhere.status, elsewhere.fields?.[0].field]).toEqual([422, 'participantUnitIds[1]']);
    expect(
      (await failure(schedule(kase.id, [DEMO_AGENCY.huanglouLand, DEMO_AGENCY.huanglouCivil], leader)))
        .status,
    ).toBe(403);
    expect(
      (
        await failure(
          schedule(kase.id, [DEMO_AGENCY.huanglouLand, DEMO_AGENCY.huanglouCivil], miheCoordinator),
        )
      ).status,
    ).toBe(404);
    expect(
      (await failure(schedule(kase.id, [DEMO_AGENCY.huanglouLand, DEMO_AGENCY.huanglouCivil], landClerk)))
        .status,
    ).toBe(404);
    const first = await schedule(kase.id, [DEMO_AGENCY.huanglouLand, DEMO_AGENCY.huanglouCivil]);
    expect(first).toMatchObject({ status: 'scheduled', ladderLevel: 5, tasks: [] });
    const second = await failure(schedule(kase.id, [DEMO_AGENCY.huanglouLand, DEMO_AGENCY.huanglouCivil]));
    expect(second.status).toBe(409);
  });

  it("works at the Tianzhu ladder's third tier too (弥河镇)", async () => {
    const kase = await as<CaseView>(
      miheCoordinator,
      DispatchSubjects.caseRegister,
      aDispute({ jurisdictionCode: '370781100201', disputeType: 'land' }),
    );
    await dataSource.query('UPDATE dispatch.cases SET ladder_level = 3 WHERE id = $1', [kase.id]);
    const cf = await schedule(kase.id, [DEMO_AGENCY.miheLand, DEMO_AGENCY.miheCivil], miheCoordinator);
    expect(cf.participants.map((p) => p.unitName)).toEqual([
      '青州市自然资源和规划局弥河自然资源所',
      '弥河镇民政办',
    ]);
  });
});

describe('a joint conference from scheduling to the resolved case', () => {
  it('minutes, tasks to participants only, and the case resolves exactly when the last task closes', async () => {
    const kase = await caseAtLevel(5);
    const scheduled = await schedule(kase.id, [
      DEMO_AGENCY.huanglouLand,
      DEMO_AGENCY.huanglouCivil,
      DEMO_AGENCY.huanglouPolice,
    ]);
    expect(scheduled.participants.map((p) => [p.unitId, p.unitKind])).toEqual([
      [DEMO_AGENCY.huanglouLand, 'department'],
      [DEMO_AGENCY.huanglouCivil, 'department'],
      [DEMO_AGENCY.huanglouPolice, 'police'],
    ]);
    const id = scheduled.id;

    // Tasks only once the conference has met.
    const early = await failure(issueTask(id, DEMO_AGENCY.huanglouLand));
    expect(early.status).toBe(409);
    expect(early.messageZh).toContain('尚未召开');
    const future = await failure(recordMinutes(id, coordinator, hoursFromNow(3)));
    expect([future.status, future.fields?.[0].field]).toEqual([422, 'heldAt']);
    expect((await failure(recordMinutes(id, landClerk))).status).toBe(403); // a participant sees it, may not minute it
    // The minutes carry the tasks the meeting decided: to participants only, due after now; all or nothing.
    const outsiderTask = await failure(
      recordMinutes(id, coordinator, undefined, [
        aTask(DEMO_AGENCY.huanglouLand),
        aTask(DEMO_AGENCY.huanglouMarket),
      ]),
    );
    expect([outsiderTask.status, outsiderTask.fields?.[0].field]).toEqual([422, 'tasks[1].unitId']);
    const pastTask = await failure(
      recordMinutes(id, coordinator, undefined, [aTask(DEMO_AGENCY.huanglouLand, hoursFromNow(-1))]),
    );
    expect([pastTask.status, pastTask.fields?.[0].field]).toEqual([422, 'tasks[0].dueAt']);
    expect((await failure(recordMinutes(id, coordinator, undefined, []))).status).toBe(400);
    expect((await getConference(coordinator, id)).status).toBe('scheduled');
    const held = await recordMinutes(id);
    expect(held).toMatchObject({ status: 'held', minutesRecordedByName: coordinator.name });
    expect(held.tasks.map((t) => t.unitId)).toEqual([DEMO_AGENCY.huanglouLand]);
    expect(held.minutes).toContain('自然资源所');
    expect((await failure(recordMinutes(id))).status).toBe(409);

    // One more 派单 later, to participants only, due after now.
    const outsider = await failure(issueTask(id, DEMO_AGENCY.huanglouMarket));
    expect([outsider.status, outsider.fields?.[0].field]).toEqual([422, 'unitId']);
    const past = await failure(issueTask(id, DEMO_AGENCY.huanglouLand, hoursFromNow(-1)));
    expect([past.status, past.fields?.[0].field]).toEqual([422, 'dueAt']);
    const withTasks = await issueTask(id, DEMO_AGENCY.huanglouCivil, hoursFromNow(48));
    expect(withTasks.tasks.map((t) => [t.unitId, t.status])).toEqual([
      [DEMO_AGENCY.huanglouLand, 'open'],
      [DEMO_AGENCY.huanglouCivil, 'open'],
    ]);
    const [landTask, civilTask] = withTasks.tasks;

    // A department with a task sees the case; one without does not.
    expect((await getCase(landClerk, kase.id)).id).toBe(kase.id);
    expect((await failure(getCase(marketClerk, kase.id))).status).toBe(404);
    expect((await failure(getConference(marketClerk, id))).status).toBe(404);
    expect((await getConference(policeClerk, id)).id).toBe(id); // a participant without a task

    // Each unit lists its own tasks only.
    const landTasks = await as<Page<ConferenceTaskView>>(landClerk, DispatchSubjects.conferenceTaskList, {});
    expect(landTasks.items.map((t) => t.id)).toEqual([landTask.id]);
    expect(
      (
        await failure(
          as(landClerk, DispatchSubjects.conferenceTaskList, { unitId: DEMO_AGENCY.huanglouCivil }),
        )
      ).status,
    ).toBe(403);
    const civilOpen = await as<Page<ConferenceTaskView>>(coordinator, DispatchSubjects.conferenceTaskList, {
      unitId: DEMO_AGENCY.huanglouCivil,
      status: 'open',
      conferenceId: id,
    });
    expect(civilOpen.items.map((t) => t.id)).toEqual([civilTask.id]);
    expect(
      (
        await as<Page<ConferenceTaskView>>(miheCoordinator, DispatchSubjects.conferenceTaskList, {
          conferenceId: id,
        })
      ).total,
    ).toBe(0);

    // Only the assigned unit closes its task.
    expect((await failure(closeTask(civilClerk, landTask.id))).status).toBe(403);
    expect((await failure(closeTask(coordinator, landTask.id))).status).toBe(403);
    expect((await failure(closeTask(miheLandClerk, landTask.id))).status).toBe(404);

    // The first of two tasks closes: the case is not resolved yet.
    const first = await closeTask(landClerk, landTask.id, '已出具复核意见：东侧界址以1998年确权图为准');
    expect(first).toMatchObject({ status: 'closed', closedByName: landClerk.name });
    expect((await getConference(coordinator, id)).status).toBe('held');
    expect((await caseRow(kase.id)).status).not.toBe('resolved');
    expect((await failure(closeTask(landClerk, landTask.id))).status).toBe(409);

    // The last one: conference closed and case resolved, at level 5, in the same transaction.
    await closeTask(civilClerk, civilTask.id, '经核查，申请人符合低保条件，已纳入');
    const closed = await getConference(coordinator, id);
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).toBeDefined();
    expect(await caseRow(kase.id)).toEqual({ status: 'resolved', closed_level: 5 });
    expect((await failure(issueTask(id, DEMO_AGENCY.huanglouPolice))).status).toBe(409);

    const view = await getCase(coordinator, kase.id);
    expect(view.status).toBe('resolved');
    expect(view.timeline.map((t) => t.step)).toEqual([
      'case_registered',
      'conference_scheduled',
      'conference_held',
      'conference_task_issued',
      'conference_task_issued',
      'conference_task_closed',
      'conference_task_closed',
    ]);
    expect(view.timeline[3].agencyName).toBe('青州市自然资源和规划局黄楼自然资源所');
    expect(view.timeline[6].summary).toContain('联席会议办结');

    // The events, on JetStream.
    const find = async <T extends { conferenceId: string }>(subject: string, n: number) =>
      (
        await eventually(
          () => stores.events<T>(subject),
          (e) => e.filter((x) => x.conferenceId === id).length >= n,
        )
      ).filter((x) => x.conferenceId === id);
    expect(await find<ConferenceScheduledV1>(ConferenceScheduledV1.subject, 1)).toEqual([
      expect.objectContaining({
        caseId: kase.id,
        caseNumber: kase.caseNumber,
        participantUnitIds: [DEMO_AGENCY.huanglouLand, DEMO_AGENCY.huanglouCivil, DEMO_AGENCY.huanglouPolice],
        scheduledBy: expect.objectContaining({ id: coordinator.id }),
      }),
    ]);
    expect(await find<ConferenceHeldV1>(ConferenceHeldV1.subject, 1)).toHaveLength(1);
    expect(
      (await find<ConferenceTaskIssuedV1>(ConferenceTaskIssuedV1.subject, 2)).map((e) => [
        e.taskId,
        e.unitId,
      ]),
    ).toEqual([
      [landTask.id, DEMO_AGENCY.huanglouLand],
      [civilTask.id, DEMO_AGENCY.huanglouCivil],
    ]);
    expect(
      (await find<ConferenceTaskClosedV1>(ConferenceTaskClosedV1.subject, 2)).map((e) => [
        e.taskId,
        e.result,
      ]),
    ).toEqual([
      [landTask.id, '已出具复核意见：东侧界址以1998年确权图为准'],
      [civilTask.id, '经核查，申请人符合低保条件，已纳入'],
    ]);
    const statusChanges = await eventually(
      () => stores.events<CaseStatusChangedV1>(CaseStatusChangedV1.subject),
      (e) => e.some((x) => x.caseId === kase.id && x.to === 'resolved'),
    );
    expect(statusChanges.filter((x) => x.caseId === kase.id).map((x) => x.to)).toEqual(['resolved']);
  });

  it('lists conferences by case and status, in scope', async () => {
    const kase = await caseAtLevel(5);
    const cf = await schedule(kase.id, [DEMO_AGENCY.huanglouCourt, DEMO_AGENCY.huanglouEnforcement]);
    const list = (actor: Actor, q: object) =>
      as<Page<ConferenceView>>(actor, DispatchSubjects.conferenceList, { pageSize: 100, ...q });
    expect((await list(coordinator, { caseId: kase.id })).items.map((c) => c.id)).toEqual([cf.id]);
    expect((await list(coordinator, { caseId: kase.id, status: 'held' })).total).toBe(0);
    expect((await list(leader, { caseId: kase.id })).total).toBe(1);
    expect((await list(miheCoordinator, { caseId: kase.id })).total).toBe(0);
    expect(
      (await list(clerk(DEMO_AGENCY.huanglouCourt, '黄楼人民法庭 法官'), {})).items.map((c) => c.id),
    ).toContain(cf.id);
    expect((await list(landClerk, { caseId: kase.id })).total).toBe(0);
  });
});
