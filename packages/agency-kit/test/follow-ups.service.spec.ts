import { randomUUID } from 'node:crypto';
import {
  FollowUpRecordedV1,
  FollowUpScheduledV1,
  ReferralClosedV1,
  type FollowUpView,
  type InboxReferralView,
  type MediatorView,
  type Page,
  type ReferralIssuedV1,
} from '@fengqiao/contracts';
import { DEMO_AGENCY } from '@fengqiao/testing';
import { COORDINATOR, failure, KitUnderTest, staffOf } from './support/mediation-work';

const HUANGLOU = DEMO_AGENCY.huanglouCommittee;
const clerk = staffOf(HUANGLOU);
const colleague = staffOf(HUANGLOU, 'u-clerk-2', '孙文书');
const wangAsUser = staffOf(HUANGLOU, 'u-wang', '王秀兰', 'mediator');
const stranger = staffOf(DEMO_AGENCY.luliCommittee, 'u-luli', '赵文书');
const DAY_MS = 86400_000;

let kit: KitUnderTest;
let wang: MediatorView; // the mediator in charge, who signs in as u-wang
let zhou: MediatorView;
let clerkAsMediator: MediatorView; // the clerk who closes, also on the roster

const followUpOf = (referralId: string, actor = clerk) =>
  kit.send<FollowUpView>(kit.subjects.followUpGet, { referralId }, actor);
const recordFollowUp = (referralId: string, actor = colleague, over: object = {}) =>
  kit.send<FollowUpView>(
    kit.subjects.followUpRecord,
    { referralId, method: 'phone', satisfaction: 'satisfied', rebound: false, ...over },
    actor,
  );
const plan = (referralId: string, body: object, actor = clerk) =>
  kit.send<FollowUpView>(kit.subjects.followUpPlan, { referralId, ...body }, actor);
const list = (query: object = {}, actor = clerk) =>
  kit.send<Page<FollowUpView>>(
    kit.subjects.followUpList,
    { agencyId: HUANGLOU, pageSize: 100, ...query },
    actor,
  );

/** A referral with 王秀兰 in charge, closed by the clerk with `outcome`. */
async function closed(
  outcome: 'resolved' | 'failed' = 'resolved',
): Promise<{ e: ReferralIssuedV1; referral: InboxReferralView }> {
  const e = await kit.accepted(clerk);
  await kit.send(
    kit.subjects.referralAssignMediator,
    { referralId: e.referralId, mediatorId: wang.id },
    clerk,
  );
  const referral = await kit.send<InboxReferralView>(
    kit.subjects.referralClose,
    outcome === 'resolved'
      ? {
          referralId: e.referralId,
          outcome,
          note: '达成协议',
          agreementSummary: '被申请人修复防水层并赔偿800元',
        }
      : { referralId: e.referralId, outcome, note: '双方分歧较大', nextStep: 'litigation' },
    clerk,
  );
  return { e, referral };
}

beforeAll(async () => {
  kit = await KitUnderTest.start('people', { FOLLOW_UP_AFTER_DAYS: '3' });
  wang = await kit.registerMediator(clerk, { name: '王秀兰', category: 'full_time', userId: 'u-wang' });
  zhou = await kit.registerMediator(clerk, { name: '周平', category: 'part_time', userId: 'u-zhou' });
  clerkAsMediator = await kit.registerMediator(clerk, {
    name: '刘文书',
    category: 'full_time',
    userId: clerk.id,
  });
});

afterAll(async () => {
  await kit?.close();
});

describe('一事一回访: scheduled on closing', () => {
  it('schedules a phone follow-up FOLLOW_UP_AFTER_DAYS after a resolved close, in its transaction, and says so', async () => {
    const { e, referral } = await closed('resolved');
    const followUp = await followUpOf(e.referralId, COORDINATOR);
    expect(followUp).toMatchObject({
      referralId: e.referralId,
      caseId: e.caseId,
      caseNumber: e.caseNumber,
      caseTitle: e.caseTitle,
      agencyId: HUANGLOU,
      status: 'scheduled',
      method: 'phone',
      overdue: false,
      closedAt: referral.closedAt,
    });
    expect(Date.parse(followUp.scheduledFor) - Date.parse(referral.closedAt!)).toBe(3 * DAY_MS);
    const [scheduled] = await kit.events<FollowUpScheduledV1>(FollowUpScheduledV1.subject, e.referralId);
    expect(scheduled).toEqual({
      referralId: e.referralId,
      caseId: e.caseId,
      agencyId: HUANGLOU,
      agencyKind: 'people',
      followUpId: followUp.id,
      method: 'phone',
      scheduledFor: followUp.scheduledFor,
      scheduledAt: referral.closedAt,
      scheduledBy: clerk,
    });
    expect((await kit.written(e.referralId)).slice(-2)).toEqual([
      ReferralClosedV1.subject,
      FollowUpScheduledV1.subject,
    ]);
  });

  it('schedules none for a failed close', async () => {
    const { e } = await closed('failed');
    const none = await failure(followUpOf(e.referralId));
    expect([none.status, none.messageZh]).toEqual([404, `派单的回访 ${e.referralId} 不存在`]);
    expect(await kit.written(e.referralId)).not.toContain(FollowUpScheduledV1.subject);
    expect(await kit.sql('SELECT 1 FROM $schema.follow_ups WHERE referral_id = $1', [e.referralId])).toEqual(
      [],
    );
  });
});

describe('回访记录: by someone other than who closed it or had it in charge', () => {
  it('refuses the closing actor and the mediator in charge (422 recordedBy), takes a colleague’s, and refuses a second record (409)', async () => {
    const { e } = await closed('resolved');
    for (const actor of [clerk, wangAsUser]) {
      const refused = await failure(recordFollowUp(e.referralId, actor));
      expect([refused.status, refused.fields]).toEqual([
        422,
        [expect.objectContaining({ field: 'recordedBy', reasonZh: '回访须由办结调解员以外的人员进行' })],
      ]);
    }
    const done = await recordFollowUp(e.referralId, colleague, {
      method: 'visit',
      satisfaction: 'dissatisfied',
      rebound: true,
      note: '被申请人未按协议修复防水层，楼下仍漏水，申请人要求重新调解。',
      contactedPartyPositions: [0, 1],
    });
    expect(done).toMatchObject({
      status: 'done',
      method: 'visit',
      satisfaction: 'dissatisfied',
      rebound: true,
      contactedPartyPositions: [0, 1],
      recordedBy: { id: colleague.id, name: colleague.name },
      overdue: false,
    });
    const [event] = await kit.events<FollowUpRecordedV1>(FollowUpRecordedV1.subject, e.referralId);
    expect(event).toEqual({
      referralId: e.referralId,
      caseId: e.caseId,
      agencyId: HUANGLOU,
      agencyKind: 'people',
      followUpId: done.id,
      method: 'visit',
      satisfaction: 'dissatisfied',
      rebound: true,
      note: '被申请人未按协议修复防水层，楼下仍漏水，申请人要求重新调解。',
      recordedAt: done.recordedAt,
      recordedBy: colleague,
    });
    const twice = await failure(
      recordFollowUp(e.referralId, staffOf(HUANGLOU, 'u-zhou', '周平', 'mediator')),
    );
    expect([twice.status, twice.messageZh]).toEqual([409, '该派单已回访，不能重复记录']);
    expect((await kit.written(e.referralId)).filter((s) => s === FollowUpRecordedV1.subject)).toHaveLength(1);
  });

  it('needs a note for a rebound (422), and a known field set (400); 404 for another agency and before any follow-up', async () => {
    const { e } = await closed('resolved');
    const silent = await failure(recordFollowUp(e.referralId, colleague, { rebound: true, note: '  ' }));
    expect([silent.status, silent.fields?.map((f) => f.field)]).toEqual([422, ['note']]);
    const bad = await failure(
      recordFollowUp(e.referralId, colleague, { satisfaction: 'happy', method: 'letter' }),
    );
    expect([bad.status, bad.fields?.map((f) => f.field).sort()]).toEqual([400, ['method', 'satisfaction']]);
    expect((await failure(recordFollowUp(e.referralId, stranger))).status).toBe(404);
    expect((await failure(recordFollowUp(e.referralId, COORDINATOR))).status).toBe(404);
    const open = await kit.accepted(clerk);
    expect((await failure(recordFollowUp(open.referralId))).status).toBe(404);
    expect((await followUpOf(e.referralId)).status).toBe('scheduled');
  });
});

describe('re-planning a follow-up', () => {
  it('changes when, how and who, says so again, and refuses an assignee who closed it or had it in charge', async () => {
    const { e, referral } = await closed('resolved');
    const when = new Date(Date.parse(referral.closedAt!) + 5 * DAY_MS).toISOString();
    const planned = await plan(e.referralId, {
      scheduledFor: when,
      method: 'visit',
      assigneeMediatorId: zhou.id,
    });
    expect(planned).toMatchObject({
      status: 'scheduled',
      method: 'visit',
      scheduledFor: when,
      assigneeMediatorId: zhou.id,
      assigneeMediatorName: '周平',
    });
    const events = await kit.events<FollowUpScheduledV1>(FollowUpScheduledV1.subject, e.referralId, 2);
    expect(events[1]).toMatchObject({ method: 'visit', scheduledFor: when, scheduledBy: clerk });

    for (const assigneeMediatorId of [wang.id, clerkAsMediator.id]) {
      const refused = await failure(
        plan(e.referralId, { scheduledFor: when, method: 'phone', assigneeMediatorId }),
      );
      expect([refused.status, refused.fields?.[0].field, refused.fields?.[0].reasonZh]).toEqual([
        422,
        'assigneeMediatorId',
        '回访须由办结调解员以外的人员进行',
      ]);
    }
    const theirs = await kit.registerMediator(stranger, { name: '郑强', category: 'full_time' });
    const early = await failure(
      plan(e.referralId, {
        scheduledFor: new Date(Date.parse(referral.closedAt!) - DAY_MS).toISOString(),
        method: 'phone',
        assigneeMediatorId: theirs.id,
      }),
    );
    expect([early.status, early.fields?.map((f) => f.field)]).toEqual([
      422,
      ['scheduledFor', 'assigneeMediatorId'],
    ]);

    // Without an assignee it is anyone's again; once made it cannot be planned.
    expect(
      (await plan(e.referralId, { scheduledFor: when, method: 'phone' })).assigneeMediatorId,
    ).toBeUndefined();
    await recordFollowUp(e.referralId);
    expect((await failure(plan(e.referralId, { scheduledFor: when, method: 'phone' }))).status).toBe(409);
  });
});

describe("an agency's follow-ups", () => {
  it('lists those still to be made first, soonest due first, with filters; coordinators too, other agencies 403', async () => {
    // Start from what the earlier tests left: count by difference.
    const before = await list();
    const a = await closed('resolved');
    const b = await closed('resolved');
    const c = await closed('resolved');
    const soon = new Date(Date.now() + 3600_000).toISOString();
    const overdue = new Date(Date.parse(b.referral.closedAt!)).toISOString();
    await plan(b.e.referralId, { scheduledFor: overdue, method: 'phone' });
    await plan(a.e.referralId, { scheduledFor: soon, method: 'phone' });
    await recordFollowUp(c.e.referralId, colleague, { satisfaction: 'basically_satisfied' });

    const all = await list();
    expect(all.total).toBe(before.total + 3);
    const ids = all.items.map((f) => f.referralId);
    expect(ids.indexOf(b.e.referralId)).toBeLessThan(ids.indexOf(a.e.referralId));
    const firstDone = all.items.findIndex((f) => f.status === 'done');
    expect(all.items.slice(firstDone).every((f) => f.status === 'done')).toBe(true);
    expect(all.items.find((f) => f.referralId === b.e.referralId)?.overdue).toBe(true);

    const referralIds = async (query: object) => (await list(query)).items.map((f) => f.referralId);
    const dueSoon = await referralIds({
      status: 'scheduled',
      dueBefore: new Date(Date.now() + 2 * 3600_000).toISOString(),
    });
    expect(dueSoon).toEqual(expect.arrayContaining([a.e.referralId, b.e.referralId]));
    expect(dueSoon).not.toContain(c.e.referralId);
    expect(await referralIds({ satisfaction: 'basically_satisfied' })).toEqual([c.e.referralId]);
    expect(await referralIds({ rebound: 'false', status: 'done' })).toContain(c.e.referralId);
    expect(await referralIds({ rebound: true })).not.toContain(c.e.referralId);
    expect((await list({}, COORDINATOR)).total).toBe(all.total);
    // A coordinator of another street sees none of this committee's cases (all in 卢李村, 黄楼).
    const wangfu = { ...COORDINATOR, id: 'u-wf-coord', jurisdictionCode: '370781001000' };
    expect((await list({}, wangfu)).total).toBe(0);
    expect((await failure(list({}, stranger))).status).toBe(403);
    const bad = await failure(list({ status: 'lost', dueBefore: 'soon', satisfaction: 'meh' }));
    expect([bad.status, bad.fields?.map((f) => f.field).sort()]).toEqual([
      400,
      ['dueBefore', 'satisfaction', 'status'],
    ]);
    expect((await failure(followUpOf(randomUUID()))).status).toBe(404);
  });
});
