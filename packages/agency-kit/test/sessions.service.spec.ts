import { randomUUID } from 'node:crypto';
import {
  MediationSessionRecordedV1,
  ReferralStartedV1,
  type InboxReferralView,
  type MediationSessionView,
  type MediatorView,
  type Page,
} from '@fengqiao/contracts';
import { DEMO_AGENCY } from '@fengqiao/testing';
import { COORDINATOR, failure, KitUnderTest, staffOf } from './support/mediation-work';

const HUANGLOU = DEMO_AGENCY.huanglouCommittee;
const clerk = staffOf(HUANGLOU);
const stranger = staffOf(DEMO_AGENCY.huanglouPolice, 'u-police', '陈民警');

let kit: KitUnderTest;
let wang: MediatorView;
let li: MediatorView;

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();
const aSession = (over: object = {}) => ({
  heldAt: minutesAgo(5),
  place: '卢李村村委会调解室',
  mediatorIds: [wang.id, li.id],
  participants: [
    { name: '王某', role: 'party', partyPosition: 0 },
    { name: '李某', role: 'party', partyPosition: 1 },
    { name: '王某之子', role: 'relative', partyPosition: 0 },
  ],
  summary: '申请人陈述漏水经过及损失；被申请人同意查明漏点后承担维修费用，对赔偿金额有异议。',
  result: 'adjourned',
  nextSessionAt: new Date(Date.now() + 2 * 86400_000).toISOString(),
  ...over,
});
const record = (referralId: string, over: object = {}, actor = clerk) =>
  kit.send<MediationSessionView>(kit.subjects.sessionRecord, { referralId, ...aSession(over) }, actor);
const sessions = (referralId: string, query: object = {}, actor = clerk) =>
  kit.send<Page<MediationSessionView>>(kit.subjects.sessionList, { referralId, ...query }, actor);
/** Accepted a day ago, so sessions held since are in the past and after 签收. */
const acceptedYesterday = async () => {
  const e = await kit.accepted(clerk);
  await kit.sql("UPDATE $schema.referrals SET accepted_at = now() - interval '1 day' WHERE id = $1", [
    e.referralId,
  ]);
  return e;
};
const inboxRow = async (referralId: string) => {
  const page = await kit.send<Page<InboxReferralView>>(
    kit.subjects.inboxList,
    { agencyId: HUANGLOU, pageSize: 100 },
    clerk,
  );
  return page.items.find((r) => r.id === referralId)!;
};

beforeAll(async () => {
  kit = await KitUnderTest.start('people');
  wang = await kit.registerMediator(clerk, { name: '王秀兰', category: 'full_time' });
  li = await kit.registerMediator(clerk, { name: '李建国', category: 'old_cadre' });
});

afterAll(async () => {
  await kit?.close();
});

describe('调解记录 (mediation sessions)', () => {
  it('numbers two sessions 1 and 2; the first starts the accepted referral as of when it was held', async () => {
    const e = await acceptedYesterday();
    const heldAt = minutesAgo(3);
    const first = await record(e.referralId, { heldAt });
    expect(first).toMatchObject({
      referralId: e.referralId,
      agencyId: HUANGLOU,
      sequence: 1,
      heldAt,
      place: '卢李村村委会调解室',
      mediators: [
        { id: wang.id, name: '王秀兰' },
        { id: li.id, name: '李建国' },
      ],
      participants: [
        { name: '王某', role: 'party', partyPosition: 0 },
        { name: '李某', role: 'party', partyPosition: 1 },
        { name: '王某之子', role: 'relative', partyPosition: 0 },
      ],
      result: 'adjourned',
      recordedBy: { id: clerk.id, name: clerk.name },
    });
    expect(await inboxRow(e.referralId)).toMatchObject({ status: 'in_progress', startedAt: heldAt });

    const second = await record(
      e.referralId,
      { result: 'agreed', mediatorIds: [li.id], nextSessionAt: undefined },
      staffOf(HUANGLOU, 'u-med', '李建国', 'mediator'),
    );
    expect([second.sequence, second.result, second.nextSessionAt]).toEqual([2, 'agreed', undefined]);

    const recorded = await kit.events<MediationSessionRecordedV1>(
      MediationSessionRecordedV1.subject,
      e.referralId,
      2,
    );
    expect(recorded).toEqual([
      expect.objectContaining({
        caseId: e.caseId,
        agencyId: HUANGLOU,
        agencyKind: 'people',
        sessionId: first.id,
        sequence: 1,
        heldAt,
        result: 'adjourned',
        recordedBy: clerk,
      }),
      expect.objectContaining({ sessionId: second.id, sequence: 2, result: 'agreed' }),
    ]);
    expect(recorded[1]).not.toHaveProperty('nextSessionAt');
    expect(await kit.events<ReferralStartedV1>(ReferralStartedV1.subject, e.referralId)).toEqual([
      expect.objectContaining({ startedAt: heldAt, startedBy: clerk }),
    ]);
    // Started in the first session's transaction, before it; never again.
    expect(await kit.written(e.referralId)).toEqual([
      'agency.referral.accepted.v1',
      ReferralStartedV1.subject,
      MediationSessionRecordedV1.subject,
      MediationSessionRecordedV1.subject,
    ]);

    const listed = await sessions(e.referralId, {}, COORDINATOR);
    expect([listed.total, listed.items.map((s) => s.sequence)]).toEqual([2, [1, 2]]);
    expect((await sessions(e.referralId, { result: 'agreed' })).items.map((s) => s.id)).toEqual([second.id]);
  });

  it('leaves a referral already started as it was', async () => {
    const e = await acceptedYesterday();
    const started = await kit.send<InboxReferralView>(
      kit.subjects.referralStart,
      { referralId: e.referralId },
      clerk,
    );
    await record(e.referralId);
    expect((await inboxRow(e.referralId)).startedAt).toBe(started.startedAt);
    expect((await kit.written(e.referralId)).filter((s) => s === ReferralStartedV1.subject)).toHaveLength(1);
  });

  it('answers 409 on a closed referral (已办结，不能记录调解) and on one not yet accepted', async () => {
    const e = await acceptedYesterday();
    await kit.send(
      kit.subjects.referralClose,
      { referralId: e.referralId, outcome: 'withdrawn', note: '申请人撤回' },
      clerk,
    );
    const closed = await failure(record(e.referralId));
    expect([closed.status, closed.messageZh]).toEqual([
      409,
      '派单已办结，不能记录调解（只有已签收或办理中的派单可以记录调解）',
    ]);
    const issued = await kit.issued(HUANGLOU);
    expect((await failure(record(issued.referralId))).status).toBe(409);
    for (const id of [e.referralId, issued.referralId])
      expect(await kit.written(id)).not.toContain(MediationSessionRecordedV1.subject);
  });

  it('answers 422 for a session in the future, before 签收, ending before its next one, or held by mediators not of the agency', async () => {
    const e = await acceptedYesterday();
    const future = await failure(
      record(e.referralId, { heldAt: new Date(Date.now() + 3600_000).toISOString() }),
    );
    expect([future.status, future.fields]).toEqual([
      422,
      [expect.objectContaining({ field: 'heldAt', reasonZh: '调解时间不能晚于当前时间' })],
    ]);
    const early = await failure(record(e.referralId, { heldAt: minutesAgo(2 * 24 * 60) }));
    expect([early.status, early.fields?.[0]]).toEqual([
      422,
      expect.objectContaining({ field: 'heldAt', reasonZh: '调解时间不能早于签收时间' }),
    ]);
    const theirs = await kit.registerMediator(staffOf(DEMO_AGENCY.luliCommittee), {
      name: '郑强',
      category: 'full_time',
    });
    const unknown = randomUUID();
    const several = await failure(
      record(e.referralId, { mediatorIds: [wang.id, theirs.id, unknown], nextSessionAt: minutesAgo(10) }),
    );
    expect([several.status, several.fields?.map((f) => f.field)]).toEqual([
      422,
      ['nextSessionAt', 'mediatorIds'],
    ]);
    expect(several.fields?.[1].reason).toBe(`not this agency's mediators: ${theirs.id}, ${unknown}`);
    expect((await inboxRow(e.referralId)).status).toBe('accepted'); // nothing started
  });

  it('answers 400 for an adjourned session without the next date, and for missing fields', async () => {
    const e = await acceptedYesterday();
    const noDate = await failure(record(e.referralId, { nextSessionAt: undefined }));
    expect([noDate.status, noDate.fields?.map((f) => f.field)]).toEqual([400, ['nextSessionAt']]);
    const bad = await failure(
      record(e.referralId, {
        mediatorIds: [],
        place: '',
        result: 'maybe',
        participants: [{ name: '王某', role: 'judge' }],
      }),
    );
    expect([bad.status, [...new Set(bad.fields?.map((f) => f.field.split(/[.[]/)[0]))].sort()]).toEqual([
      400,
      ['mediatorIds', 'participants', 'place', 'result'],
    ]);
  });

  it('keeps other agencies out (404), lets coordinators read but not record', async () => {
    const e = await acceptedYesterday();
    await record(e.referralId);
    expect((await failure(record(e.referralId, {}, stranger))).status).toBe(404);
    expect((await failure(record(e.referralId, {}, COORDINATOR))).status).toBe(404);
    expect((await failure(sessions(e.referralId, {}, stranger))).status).toBe(404);
    expect((await failure(sessions(randomUUID()))).status).toBe(404);
    expect((await sessions(e.referralId, {}, COORDINATOR)).total).toBe(1);
  });
});
