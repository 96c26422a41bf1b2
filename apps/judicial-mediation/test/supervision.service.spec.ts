import { randomUUID } from 'node:crypto';
import {
  CommitteeInspectionRecordedV1,
  DispatchSubjects,
  FollowUpRecordedV1,
  JudicialSubjects,
  RectificationCompletedV1,
  ReferralAcceptedV1,
  ReferralClosedV1,
  type CommitteeInspectionView,
  type Page,
  type SupervisedCommitteeView,
} from '@fengqiao/contracts';
import { DEMO_AGENCY, TEST_ACTOR } from '@fengqiao/testing';
import {
  CLERK,
  COORDINATOR,
  failure,
  HUANGLOU,
  JudicialOffice,
  MIHE,
  MIHE_CLERK,
} from './judicial-office.harness';

const LULI = DEMO_AGENCY.luliCommittee;
const HUANGLOU_COMMITTEE = DEMO_AGENCY.huanglouCommittee;
const DAY_MS = 86_400_000;
let office: JudicialOffice;

beforeAll(async () => {
  office = await JudicialOffice.start();
});

afterAll(async () => {
  await office?.close();
});

const committees = (query: object = {}, actor = CLERK, agencyId = HUANGLOU) =>
  office.send<Page<SupervisedCommitteeView>>(
    JudicialSubjects.supervisedCommitteeList,
    { agencyId, ...query },
    actor,
  );
const committee = async (id: string) => (await committees()).items.find((c) => c.agencyId === id);

const facts = (referralId: string, agencyId = LULI, agencyKind: 'people' | 'police' = 'people') => ({
  referralId,
  caseId: randomUUID(),
  agencyId,
  agencyKind,
});
const accepted = (referralId: string, at: string, agencyId = LULI): ReferralAcceptedV1 => ({
  ...facts(referralId, agencyId),
  acceptedAt: at,
  acceptedBy: TEST_ACTOR,
});
const closed = (referralId: string, outcome: 'resolved' | 'failed', at: string): ReferralClosedV1 => ({
  ...facts(referralId),
  outcome,
  note: outcome === 'resolved' ? '达成协议' : '调解不成',
  ...(outcome === 'failed' ? { nextStep: 'litigation' as const } : { agreementSummary: '赔偿800元' }),
  closedAt: at,
  closedBy: TEST_ACTOR,
});
const followUp = (
  followUpId: string,
  referralId: string,
  satisfaction: 'satisfied' | 'dissatisfied',
  rebound: boolean,
  at: string,
): FollowUpRecordedV1 => ({
  ...facts(referralId),
  followUpId,
  method: 'phone',
  satisfaction,
  rebound,
  note: rebound ? '当事人反映对方未按协议履行，矛盾再起' : '双方均表示满意',
  recordedAt: at,
  recordedBy: TEST_ACTOR,
});

describe("指导监督: the committees' work, from their events", () => {
  it('counts each event once, whether redelivered, copied or out of order', async () => {
    const [r1, r2, f1, f2] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const publish = office.stores.publish.bind(office.stores);
    const firstAccept = await publish(ReferralAcceptedV1, accepted(r1, '2026-11-01T01:00:00.000Z'));
    await publish(ReferralAcceptedV1, accepted(r1, '2026-11-01T01:00:00.000Z'), firstAccept); // the same message
    await publish(ReferralAcceptedV1, accepted(r1, '2026-11-01T01:00:00.000Z')); // a copy under another id
    // Accepted again after an overruled return: still one accepted referral.
    await publish(ReferralAcceptedV1, accepted(r1, '2026-11-02T01:00:00.000Z'));
    // r2's closing overtakes its acceptance (separate consumers).
    await publish(ReferralClosedV1, closed(r2, 'failed', '2026-11-05T01:00:00.000Z'));
    await publish(ReferralClosedV1, closed(r1, 'resolved', '2026-11-04T01:00:00.000Z'));
    await publish(ReferralClosedV1, closed(r1, 'resolved', '2026-11-04T01:00:00.000Z'));
    await publish(FollowUpRecordedV1, followUp(f1, r1, 'dissatisfied', true, '2026-11-12T01:00:00.000Z'));
    await publish(FollowUpRecordedV1, followUp(f1, r1, 'dissatisfied', true, '2026-11-12T01:00:00.000Z'));
    // Not a committee's: a police station's events never count.
    await publish(ReferralAcceptedV1, {
      ...accepted(randomUUID(), '2026-11-20T01:00:00.000Z'),
      agencyKind: 'police',
    });
    await publish(FollowUpRecordedV1, {
      ...followUp(randomUUID(), r2, 'dissatisfied', true, '2026-11-20T01:00:00.000Z'),
      agencyKind: 'police',
    });
    const lastAccept = await publish(ReferralAcceptedV1, accepted(r2, '2026-11-03T01:00:00.000Z'));
    const lastFollowUp = await publish(
      FollowUpRecordedV1,
      followUp(f2, r2, 'satisfied', false, '2026-11-10T01:00:00.000Z'),
    );
    const lastClose = await publish(ReferralClosedV1, closed(r2, 'failed', '2026-11-05T01:00:00.000Z'));
    await office.applied('committee-work-accepted', lastAccept);
    await office.applied('committee-work-follow-up', lastFollowUp);
    await office.applied('committee-work-closed', lastClose);

    const expected = {
      agencyId: LULI,
      name: '卢李村人民调解委员会',
      jurisdictionCode: '370781007201',
      accepted: 2,
      closed: 2,
      resolved: 1,
      failed: 1,
      followUps: 2,
      dissatisfied: 1,
      rebounds: 1,
      successRate: 0.5,
      satisfactionRate: 0.5,
      lastActivityAt: '2026-11-12T01:00:00.000Z',
    };
    expect(await committee(LULI)).toMatchObject(expected);

    // Redelivery: new durable consumers get every message of the stream again; the inbox has them all.
    await office.app.close();
    for (const name of ['committee-work-accepted', 'committee-work-closed', 'committee-work-follow-up'])
      await office.stores.jsm.consumers.delete('AGENCY_EVENTS', `judicial-mediation__${name}`);
    await office.restart();
    // A marker per consumer, after everything else in the stream: once it is applied, all were.
    const marker = randomUUID();
    const markers = {
      'committee-work-accepted': await publish(
        ReferralAcceptedV1,
        accepted(marker, '2026-11-21T01:00:00.000Z', HUANGLOU_COMMITTEE),
      ),
      'committee-work-closed': await publish(ReferralClosedV1, {
        ...closed(marker, 'resolved', '2026-11-22T01:00:00.000Z'),
        agencyId: HUANGLOU_COMMITTEE,
      }),
      'committee-work-follow-up': await publish(FollowUpRecordedV1, {
        ...followUp(randomUUID(), marker, 'satisfied', false, '2026-11-23T01:00:00.000Z'),
        agencyId: HUANGLOU_COMMITTEE,
      }),
    };
    for (const [consumer, id] of Object.entries(markers)) await office.applied(consumer, id);
    const redelivered = await office.stores.jsm.consumers.info(
      'AGENCY_EVENTS',
      'judicial-mediation__committee-work-accepted',
    );
    expect(redelivered.delivered.consumer_seq).toBe(
      (await office.stores.events(ReferralAcceptedV1.subject)).length,
    );
    expect(await committee(LULI)).toMatchObject(expected);
    expect(await committee(HUANGLOU_COMMITTEE)).toMatchObject({
      accepted: 1,
      closed: 1,
      resolved: 1,
      followUps: 1,
      successRate: 1,
      satisfactionRate: 1,
      rebounds: 0,
    });
  });

  it("lists the committees of the office's area from dispatch, with filters; coordinators may read", async () => {
    office.dispatch.asked.length = 0;
    const page = await committees();
    expect(page.items.map((c) => c.agencyId)).toEqual([HUANGLOU_COMMITTEE, LULI]);
    expect(page.total).toBe(2);
    // Asked of dispatch: the people's committees in the office's jurisdiction (黄楼街道) and below.
    expect(office.dispatch.asked).toContainEqual({
      subject: DispatchSubjects.agencyList,
      actor: CLERK,
      body: expect.objectContaining({ kind: 'people', jurisdictionCode: '370781007000' }),
    });

    expect((await committees({ jurisdictionCode: '370781007201' })).items.map((c) => c.agencyId)).toEqual([
      LULI,
    ]);
    expect((await committees({ jurisdictionCode: '370781100201' })).total).toBe(0); // not in its area
    expect((await committees({ withRebounds: 'true' })).items.map((c) => c.agencyId)).toEqual([LULI]);
    expect((await committees({ withRebounds: 'false' })).items.map((c) => c.agencyId)).toEqual([
      HUANGLOU_COMMITTEE,
    ]);
    const second = await committees({ page: 2, pageSize: 1 });
    expect([second.total, second.items.map((c) => c.agencyId)]).toEqual([2, [LULI]]);

    // 弥河司法所 sees its own area's committee, with nothing counted yet.
    const mihe = await committees({}, MIHE_CLERK, MIHE);
    expect(mihe.items).toEqual([
      expect.objectContaining({
        agencyId: DEMO_AGENCY.miheCommittee,
        accepted: 0,
        successRate: null,
        satisfactionRate: null,
        openRectifications: 0,
      }),
    ]);
    expect(mihe.items[0].lastActivityAt).toBeUndefined();

    expect((await committees({}, COORDINATOR)).total).toBe(2);
    expect((await failure(committees({}, MIHE_CLERK))).status).toBe(403);
    expect((await failure(committees({}, COORDINATOR, DEMO_AGENCY.huanglouPolice))).status).toBe(404);
    const bad = await failure(committees({ jurisdictionCode: '12', withRebounds: 'maybe' }));
    expect([bad.status, bad.fields?.map((f) => f.field).sort()]).toEqual([
      400,
      ['jurisdictionCode', 'withRebounds'],
    ]);
  });
});

describe('指导监督: inspections and rectifications (整改)', () => {
  const daysFrom = (days: number) => new Date(Date.now() + days * DAY_MS);
  const day = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const inspect = (over: object = {}, actor = CLERK, agencyId = HUANGLOU) =>
    office.send<CommitteeInspectionView>(
      JudicialSubjects.inspectionRecord,
      {
        agencyId,
        committeeAgencyId: LULI,
        inspectedAt: new Date().toISOString(),
        findings: '台账记录基本完整；个别卷宗缺少当事人签字，回访记录不全',
        rating: 'needs_improvement',
        rectifications: [
          { item: '补齐卷宗当事人签字', dueBy: day(daysFrom(14)) },
          { item: '建立回访登记台账', dueBy: day(daysFrom(30)) },
        ],
        ...over,
      },
      actor,
    );
  const done = (inspectionId: string, n: number, over: object = {}, actor = CLERK, agencyId = HUANGLOU) =>
    office.send<CommitteeInspectionView>(
      JudicialSubjects.inspectionCompleteRectification,
      { agencyId, inspectionId, n, doneAt: new Date().toISOString(), note: '已整改并复查', ...over },
      actor,
    );
  const inspections = (query: object = {}, actor = CLERK) =>
    office.send<Page<CommitteeInspectionView>>(
      JudicialSubjects.inspectionList,
      { agencyId: HUANGLOU, ...query },
      actor,
    );

  it('inspects a committee of its area only: 422 naming committeeAgencyId otherwise', async () => {
    const view = await inspect();
    expect(view).toMatchObject({
      agencyId: HUANGLOU,
      committeeAgencyId: LULI,
      committeeName: '卢李村人民调解委员会',
      rating: 'needs_improvement',
      openRectifications: 2,
      rectifications: [
        { n: 1, item: '补齐卷宗当事人签字', overdue: false },
        { n: 2, item: '建立回访登记台账', overdue: false },
      ],
    });
    const [event] = await office.events<CommitteeInspectionRecordedV1>(
      CommitteeInspectionRecordedV1.subject,
      (e) => e.inspectionId === view.id,
    );
    expect(event).toMatchObject({
      agencyId: HUANGLOU,
      committeeAgencyId: LULI,
      rectifications: 2,
      recordedBy: CLERK,
    });

    for (const outside of [
      DEMO_AGENCY.medicalCommittee, // a city-level committee: above the office's area
      DEMO_AGENCY.miheCommittee, // another town's
      DEMO_AGENCY.huanglouPolice, // in the area, but not a committee
      randomUUID(),
    ]) {
      const refused = await failure(inspect({ committeeAgencyId: outside }));
      expect([refused.status, refused.fields?.[0].field, refused.messageZh]).toEqual([
        422,
        'committeeAgencyId',
        'committeeAgencyId：不是青州市司法局黄楼司法所辖区内的人民调解委员会',
      ]);
    }
    // 弥河司法所 inspects its own committee.
    expect(
      (await inspect({ committeeAgencyId: DEMO_AGENCY.miheCommittee }, MIHE_CLERK, MIHE)).committeeName,
    ).toBe('闵家村人民调解委员会');
  });

  it('answers 422 for dates that cannot be, 400 for bad input, 403 for another office', async () => {
    const early = await failure(
      inspect({
        inspectedAt: daysFrom(-3).toISOString(),
        rectifications: [
          { item: '甲', dueBy: day(daysFrom(1)) },
          { item: '乙', dueBy: day(daysFrom(-5)) },
        ],
      }),
    );
    expect([early.status, early.fields?.map((f) => f.field)]).toEqual([422, ['rectifications[1].dueBy']]);
    const future = await failure(inspect({ inspectedAt: daysFrom(2).toISOString() }));
    expect([future.status, future.fields?.[0].field]).toEqual([422, 'inspectedAt']);
    const bad = await failure(
      inspect({ rating: 'excellent', rectifications: [{ item: '', dueBy: '15/01/2027' }] }),
    );
    expect([bad.status, [...new Set(bad.fields?.map((f) => f.field))].sort()]).toEqual([
      400,
      ['rating', 'rectifications[0].dueBy', 'rectifications[0].item'],
    ]);
    expect((await failure(inspect({}, MIHE_CLERK))).status).toBe(403);
    expect((await failure(inspect({}, COORDINATOR))).status).toBe(403);
  });

  it('completes rectifications once each, and shows the overdue ones', async () => {
    const view = await inspect({
      inspectedAt: daysFrom(-10).toISOString(),
      rectifications: [
        { item: '补齐卷宗当事人签字', dueBy: day(daysFrom(-5)) },
        { item: '建立回访登记台账', dueBy: day(daysFrom(30)) },
      ],
    });
    expect(view.rectifications.map((r) => r.overdue)).toEqual([true, false]);
    const beforeInspection = await failure(done(view.id, 1, { doneAt: daysFrom(-11).toISOString() }));
    expect([beforeInspection.status, beforeInspection.fields?.[0].field]).toEqual([422, 'doneAt']);

    const after = await done(view.id, 1);
    expect(after.openRectifications).toBe(1);
    expect(after.rectifications[0]).toMatchObject({ n: 1, overdue: false, doneNote: '已整改并复查' });
    const twice = await failure(done(view.id, 1));
    expect(twice.status).toBe(409);
    expect(twice.messageZh).toMatch(/^第1项整改事项已于 \d{4}-\d{2}-\d{2} 完成，不能重复登记$/);
    expect((await failure(done(view.id, 3))).status).toBe(404);
    // Another office's clerk: not their office (403), and not their inspection (404).
    expect((await failure(done(view.id, 2, {}, MIHE_CLERK))).status).toBe(403);
    expect((await failure(done(view.id, 2, {}, MIHE_CLERK, MIHE))).status).toBe(404);

    const [event] = await office.events<RectificationCompletedV1>(
      RectificationCompletedV1.subject,
      (e) => e.inspectionId === view.id,
    );
    expect(event).toMatchObject({ n: 1, stillOpen: 1, committeeAgencyId: LULI, recordedBy: CLERK });
    expect((await done(view.id, 2)).openRectifications).toBe(0);
  });

  it('lists inspections newest first with filters, and the committee list shows what is open', async () => {
    const good = await inspect({
      committeeAgencyId: HUANGLOU_COMMITTEE,
      rating: 'good',
      findings: '工作规范',
      rectifications: [],
    });
    const all = await inspections();
    expect(all.items[0].id).toBe(good.id);
    const byCommittee = await inspections({ committeeAgencyId: HUANGLOU_COMMITTEE });
    expect(byCommittee.items.map((i) => i.id)).toEqual([good.id]);
    expect((await inspections({ rating: 'good' })).items.map((i) => i.id)).toEqual([good.id]);
    const open = await inspections({ openRectifications: 'true' });
    expect(open.items.length).toBeGreaterThan(0);
    expect(open.items.every((i) => i.openRectifications > 0)).toBe(true);
    const closedOnes = await inspections({ openRectifications: 'false' });
    expect(closedOnes.items.map((i) => i.id)).toContain(good.id);
    expect(closedOnes.items.every((i) => i.openRectifications === 0)).toBe(true);
    expect(open.total + closedOnes.total).toBe(all.total);
    expect((await inspections({ pageSize: 1 })).items).toHaveLength(1);
    expect((await inspections({}, COORDINATOR)).total).toBe(all.total);
    expect((await failure(inspections({}, MIHE_CLERK))).status).toBe(403);

    const luli = await committee(LULI);
    const openAtLuli = all.items
      .filter((i) => i.committeeAgencyId === LULI)
      .reduce((n, i) => n + i.openRectifications, 0);
    expect(luli?.openRectifications).toBe(openAtLuli);
    expect(luli?.openRectifications).toBeGreaterThan(0);
    const latestAtLuli = all.items
      .filter((i) => i.committeeAgencyId === LULI)
      .map((i) => i.inspectedAt)
      .sort()
      .at(-1);
    expect(luli?.lastInspectedAt).toBe(latestAtLuli);
    expect((await committee(HUANGLOU_COMMITTEE))?.lastInspectedAt).toBe(good.inspectedAt);
  });
});
