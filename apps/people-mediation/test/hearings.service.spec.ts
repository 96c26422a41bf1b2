import { randomUUID } from 'node:crypto';
import {
  HearingHeldV1,
  HearingScheduledV1,
  PeopleSubjects,
  type HearingView,
  type Page,
} from '@fengqiao/contracts';
import {
  CLERK,
  COORDINATOR,
  failure,
  fieldsOf,
  kit,
  LULI_CLERK,
  MEDIATOR,
  peopleServiceForThisFile,
} from './people.harness';

const people = peopleServiceForThisFile();

const tomorrow = () => new Date(Date.now() + 86400_000).toISOString();

/** 听证调 over a boundary wall: chaired by the community police officer, with both sides and their neighbours. */
const aHearing = (over: object = {}) => ({
  scheduledFor: tomorrow(),
  place: '卢李村村委会议室',
  chair: { name: '李警官', role: 'community_police' },
  participants: [
    { name: '王某', role: 'party', partyPosition: 0 },
    { name: '李某', role: 'party', partyPosition: 1 },
    { name: '赵某', role: 'neighbour' },
    { name: '王某某', role: 'relative', partyPosition: 0 },
    { name: '卢书记', role: 'party_secretary' },
  ],
  ...over,
});

const theRecord = (over: object = {}) => ({
  heldAt: new Date().toISOString(),
  statements: [
    { participantIndex: 1, order: 2, content: '李某：院墙是按1998年宅基地证建的，没有越界。' },
    { participantIndex: 0, order: 1, content: '王某：新砌的院墙占了我家半米宅基地。' },
    { participantIndex: 2, order: 3, content: '赵某：老墙原来在东边半米处，我亲眼见过。' },
  ],
  debate: '双方就1998年确权图的界址点位置展开辩论。',
  finding: '经听证，东侧界址以1998年确权图为准，李某后退半米重砌院墙，王某承担一半费用。',
  result: 'agreed',
  ...over,
});

const schedule = (referralId: string, body: object = aHearing(), actor = CLERK) =>
  people.send<HearingView>(PeopleSubjects.hearingSchedule, { referralId, ...body }, actor);
const record = (referralId: string, hearingId: string, body: object = theRecord(), actor = CLERK) =>
  people.send<HearingView>(PeopleSubjects.hearingRecord, { referralId, hearingId, ...body }, actor);
const hearings = (referralId: string, query: object = {}, actor = CLERK) =>
  people.send<Page<HearingView>>(PeopleSubjects.hearingList, { referralId, ...query }, actor);
const hearing = (referralId: string, hearingId: string, actor = CLERK) =>
  people.send<HearingView>(PeopleSubjects.hearingGet, { referralId, hearingId }, actor);
/** A refused call's status and Chinese message. */
const refusal = (call: Promise<unknown>) => failure(call).then((e) => [e.status, e.messageZh]);

describe('听证调 hearings', () => {
  it('schedules a hearing on a referral in hand, records it held, and reports both', async () => {
    const r = await people.referral();
    const scheduled = await schedule(r.referralId);
    expect(scheduled).toMatchObject({
      referralId: r.referralId,
      caseId: r.caseId,
      sequence: 1,
      status: 'scheduled',
      chair: { name: '李警官', role: 'community_police' },
      scheduledById: CLERK.id,
    });
    expect(scheduled.participants.map((p) => [p.index, p.name, p.role, p.partyPosition])).toEqual([
      [0, '王某', 'party', 0],
      [1, '李某', 'party', 1],
      [2, '赵某', 'neighbour', undefined],
      [3, '王某某', 'relative', 0],
      [4, '卢书记', 'party_secretary', undefined],
    ]);
    expect(scheduled.statements).toBeUndefined();

    const held = await record(r.referralId, scheduled.id, theRecord(), MEDIATOR);
    expect(held).toMatchObject({
      status: 'held',
      result: 'agreed',
      debate: '双方就1998年确权图的界址点位置展开辩论。',
      recordedById: MEDIATOR.id,
    });
    expect(held.finding).toMatch(/^经听证/);
    // In the order they were made, each with its speaker.
    expect(held.statements?.map((s) => [s.order, s.participantName, s.participantRole])).toEqual([
      [1, '王某', 'party'],
      [2, '李某', 'party'],
      [3, '赵某', 'neighbour'],
    ]);
    expect(await hearing(r.referralId, scheduled.id)).toEqual(held);

    const [scheduledEvent] = await people.events<HearingScheduledV1>(
      HearingScheduledV1.subject,
      (e) => e.hearingId === scheduled.id,
    );
    expect(scheduledEvent).toMatchObject({
      referralId: r.referralId,
      caseId: r.caseId,
      agencyId: r.agencyId,
      agencyKind: 'people',
      sequence: 1,
      chairRole: 'community_police',
      participantCount: 5,
      scheduledBy: CLERK,
    });
    const [heldEvent] = await people.events<HearingHeldV1>(
      HearingHeldV1.subject,
      (e) => e.hearingId === scheduled.id,
    );
    expect(heldEvent).toMatchObject({
      referralId: r.referralId,
      sequence: 1,
      result: 'agreed',
      recordedBy: MEDIATOR,
    });
    expect(heldEvent.finding).toBe(held.finding);
  });

  it('numbers the hearings of a referral and lists them in order, filtered by status and result', async () => {
    const r = await people.referral();
    const first = await schedule(r.referralId);
    await record(r.referralId, first.id, theRecord({ result: 'adjourned' }));
    const second = await schedule(
      r.referralId,
      aHearing({ chair: { name: '张主任', role: 'committee_director' } }),
    );
    expect([first.sequence, second.sequence]).toEqual([1, 2]);

    const ids = (p: Page<HearingView>) => p.items.map((h) => h.id);
    expect(ids(await hearings(r.referralId))).toEqual([first.id, second.id]);
    expect(ids(await hearings(r.referralId, { status: 'scheduled' }))).toEqual([second.id]);
    expect(ids(await hearings(r.referralId, { result: 'adjourned' }))).toEqual([first.id]);
    const page2 = await hearings(r.referralId, { pageSize: 1, page: 2 });
    expect([page2.total, ids(page2)]).toEqual([2, [second.id]]);
    expect(ids(await hearings(r.referralId, {}, COORDINATOR))).toEqual([first.id, second.id]);
    const bad = await failure(hearings(r.referralId, { status: 'cancelled' }));
    expect([bad.status, fieldsOf(bad)]).toEqual([400, ['status']]);
  });

  it('needs a chair and at least two parties (422 naming what is missing); roles are checked (400)', async () => {
    const r = await people.referral();
    const unchaired = { ...aHearing(), chair: undefined };
    const missing = await failure(
      schedule(r.referralId, {
        ...unchaired,
        participants: [
          { name: '王某', role: 'party', partyPosition: 0 },
          { name: '赵某', role: 'neighbour' },
        ],
      }),
    );
    expect([missing.status, fieldsOf(missing)]).toEqual([422, ['chair', 'participants']]);
    expect(missing.messageZh).toMatch(/听证须有主持人/);
    expect(missing.messageZh).toMatch(/至少两方当事人/);

    const twice = await failure(
      schedule(
        r.referralId,
        aHearing({
          participants: [
            { name: '王某', role: 'party', partyPosition: 0 },
            { name: '王某', role: 'party', partyPosition: 0 },
          ],
        }),
      ),
    );
    expect(fieldsOf(twice)).toEqual(['participants', 'participants[1].partyPosition']);

    const shape = await failure(
      schedule(
        r.referralId,
        aHearing({
          chair: { name: '王法官', role: 'judge' },
          participants: [
            { name: '王某', role: 'party' },
            { name: '李某', role: 'bystander' },
          ],
        }),
      ),
    );
    expect([shape.status, fieldsOf(shape)]).toEqual([
      400,
      ['chair.role', 'participants[0].partyPosition', 'participants[1].role'],
    ]);

    const early = await failure(schedule(r.referralId, aHearing({ scheduledFor: r.issuedAt })));
    expect([early.status, fieldsOf(early)]).toEqual([422, ['scheduledFor']]);
    expect((await hearings(r.referralId)).total).toBe(0);
  });

  it('takes a record whose statements name its participants, once: 422 for a stranger, 409 the second time', async () => {
    const r = await people.referral();
    const h = await schedule(r.referralId);
    const stranger = await failure(
      record(
        r.referralId,
        h.id,
        theRecord({
          statements: [
            { participantIndex: 0, order: 1, content: '王某陈述' },
            { participantIndex: 5, order: 2, content: '不在名单上的人' },
            { participantIndex: 1, order: 2, content: '李某陈述' },
          ],
        }),
      ),
    );
    expect([stranger.status, fieldsOf(stranger)]).toEqual([
      422,
      ['statements[1].participantIndex', 'statements[2].order'],
    ]);
    const future = await failure(record(r.referralId, h.id, theRecord({ heldAt: tomorrow() })));
    expect([future.status, fieldsOf(future)]).toEqual([422, ['heldAt']]);
    const shape = await failure(
      record(r.referralId, h.id, theRecord({ result: 'settled', finding: '', statements: [{ order: 1 }] })),
    );
    expect([shape.status, fieldsOf(shape)]).toEqual([
      400,
      ['finding', 'result', 'statements[0].content', 'statements[0].participantIndex'],
    ]);
    expect((await hearing(r.referralId, h.id)).status).toBe('scheduled');

    await record(r.referralId, h.id);
    expect(await refusal(record(r.referralId, h.id, theRecord({ result: 'no_agreement' })))).toEqual([
      409,
      '该听证已记录，不能重复记录',
    ]);
    expect((await hearing(r.referralId, h.id)).result).toBe('agreed');
    await people.events<HearingHeldV1>(HearingHeldV1.subject, (e) => e.hearingId === h.id);
    expect(
      await people.events<HearingHeldV1>(HearingHeldV1.subject, (e) => e.hearingId === h.id),
    ).toHaveLength(1);
  });

  it('answers 409 on a referral that is not in hand: not yet accepted, or closed', async () => {
    const issued = await people.referral({ accept: false });
    expect(await refusal(schedule(issued.referralId))).toEqual([
      409,
      '派单待签收，不能安排听证（只有已签收或办理中的派单可以安排听证）',
    ]);

    const r = await people.referral();
    const h = await schedule(r.referralId);
    await people.send(kit.referralClose, {
      referralId: r.referralId,
      outcome: 'resolved',
      note: '经听证达成一致',
      agreementSummary: '李某后退半米重砌院墙',
    });
    expect(await refusal(schedule(r.referralId))).toEqual([
      409,
      '派单已办结，不能安排听证（只有已签收或办理中的派单可以安排听证）',
    ]);
    expect(await refusal(record(r.referralId, h.id))).toEqual([
      409,
      '派单已办结，不能记录听证（只有已签收或办理中的派单可以记录听证）',
    ]);
    // Still readable afterwards, as it was.
    expect((await hearing(r.referralId, h.id)).status).toBe('scheduled');
  });

  it("keeps another committee's referrals and hearings out of reach: 404", async () => {
    const r = await people.referral();
    const h = await schedule(r.referralId);
    for (const attempt of [
      schedule(r.referralId, aHearing(), LULI_CLERK),
      record(r.referralId, h.id, theRecord(), LULI_CLERK),
      hearings(r.referralId, {}, LULI_CLERK),
      hearing(r.referralId, h.id, LULI_CLERK),
      hearing(r.referralId, randomUUID()),
      record(r.referralId, randomUUID()),
      schedule(randomUUID()),
    ]) {
      expect((await failure(attempt)).status).toBe(404);
    }
    // A hearing is found only under its own referral.
    const other = await people.referral();
    expect((await failure(hearing(other.referralId, h.id))).status).toBe(404);
    expect((await failure(record(other.referralId, h.id))).status).toBe(404);
    expect((await hearings(r.referralId)).items.map((x) => x.status)).toEqual(['scheduled']);
  });
});
