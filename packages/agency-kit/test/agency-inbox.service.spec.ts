import { randomUUID } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  agencySubjects,
  ReferralAcceptedV1,
  ReferralClosedV1,
  ReferralIssuedV1,
  ReferralReturnedV1,
  ReferralReturnRuledV1,
  ReferralStartedV1,
  ReferralTransferredV1,
  type AgencyKind,
  type InboxReferralView,
  type Page,
  type ReturnRuling,
} from '@fengqiao/contracts';
import type { RpcClient } from '@fengqiao/messaging';
import { bootService, DEMO_AGENCY, eventually, failure, TEST_ACTOR, TestStores } from '@fengqiao/testing';
import { AgencyServiceModule, loadAgencyConfig } from '../src';

const COMMITTEE = DEMO_AGENCY.huanglouCommittee;
const subjects = agencySubjects('people');

let stores: TestStores;
let app: INestMicroservice;
let rpc: RpcClient;

const CLERK = {
  id: 'u-clerk',
  name: '刘文书',
  role: 'agency_staff',
  agencyId: DEMO_AGENCY.huanglouCommittee,
};
const send = <T>(subject: string, body: object, actor: object = CLERK) =>
  rpc.request<T>('people-mediation', subject, actor as typeof TEST_ACTOR, body);
const inbox = (status?: string) =>
  send<Page<InboxReferralView>>(subjects.inboxList, {
    agencyId: COMMITTEE,
    pageSize: 100,
    ...(status ? { status } : {}),
  });

function issued(kind: AgencyKind, agencyId = COMMITTEE): ReferralIssuedV1 {
  return {
    referralId: randomUUID(),
    caseId: randomUUID(),
    caseNumber: '370781-2026-000009',
    caseTitle: '宅基地边界纠纷',
    disputeType: 'land',
    jurisdictionCode: '370781007201',
    agencyId,
    agencyKind: kind,
    issuedAt: new Date().toISOString(),
    issuedBy: TEST_ACTOR,
  };
}

async function received(referralId: string): Promise<InboxReferralView | undefined> {
  const page = await eventually(inbox, (p) => p.items.some((r) => r.id === referralId));
  return page.items.find((r) => r.id === referralId);
}

/** Issues a referral to the committee and waits until it is in the inbox. */
async function anIssuedReferral(over: Partial<ReferralIssuedV1> = {}): Promise<ReferralIssuedV1> {
  const e = { ...issued('people'), ...over };
  await stores.publish(ReferralIssuedV1, e);
  await received(e.referralId);
  return e;
}

/** Waits until the named durable consumer has applied (or skipped as already applied) a message. */
async function applied(consumer: string, messageId: string): Promise<void> {
  const rows = await eventually(
    () =>
      app
        .get(DataSource)
        .query<unknown[]>('SELECT 1 FROM people_mediation.inbox WHERE consumer = $1 AND message_id = $2', [
          `people-mediation__${consumer}`,
          messageId,
        ]),
    (r) => r.length === 1,
  );
  expect(rows).toHaveLength(1);
}

async function eventsFor<T extends { referralId: string }>(
  subject: string,
  referralId: string,
  count = 1,
): Promise<T[]> {
  const all = await eventually(
    () => stores.events<T>(subject),
    (x) => x.filter((a) => a.referralId === referralId).length >= count,
  );
  return all.filter((a) => a.referralId === referralId);
}

const ruling = (e: ReferralIssuedV1, verdict: ReturnRuling): ReferralReturnRuledV1 => ({
  referralId: e.referralId,
  caseId: e.caseId,
  agencyId: e.agencyId,
  agencyKind: e.agencyKind,
  ruling: verdict,
  note: verdict === 'overruled' ? '邻里纠纷属人民调解职责，请继续办理' : '同意退单，另行派单',
  ruledAt: new Date().toISOString(),
  ruledBy: TEST_ACTOR,
});

const transfer = (e: ReferralIssuedV1): ReferralTransferredV1 => ({
  referralId: e.referralId,
  caseId: e.caseId,
  agencyId: e.agencyId,
  agencyKind: e.agencyKind,
  toReferralId: randomUUID(),
  toAgencyId: DEMO_AGENCY.huanglouPolice,
  reason: '有民转刑风险，转派出所办理',
  transferredAt: new Date().toISOString(),
  transferredBy: TEST_ACTOR,
});

beforeAll(async () => {
  stores = await TestStores.start();
  app = await bootService(
    AgencyServiceModule.forAgency({ kind: 'people' }, loadAgencyConfig(stores.env())),
    'people-mediation',
    stores,
  );
  rpc = stores.rpc();
});

afterAll(async () => {
  await app?.close();
  await stores?.close();
});

describe('the agency inbox (people-mediation)', () => {
  it('receives referrals for its own kind only, once each', async () => {
    const mine = issued('people');
    const theirs = issued('police', randomUUID());
    await stores.publish(ReferralIssuedV1, theirs);
    await stores.publish(ReferralIssuedV1, mine);
    await stores.publish(ReferralIssuedV1, mine); // a copy under another id
    expect(await received(mine.referralId)).toMatchObject({ status: 'issued', caseTitle: '宅基地边界纠纷' });
    const all = await inbox();
    expect(all.items.filter((r) => r.id === mine.referralId)).toHaveLength(1);
    expect(all.items.some((r) => r.id === theirs.referralId)).toBe(false);
  });

  it('accepts (签收) then closes (办结), reporting each step to dispatch as an event', async () => {
    const e = issued('people');
    await stores.publish(ReferralIssuedV1, e);
    await received(e.referralId);
    const accepted = await send<InboxReferralView>(subjects.referralAccept, { referralId: e.referralId });
    expect(accepted.status).toBe('accepted');
    const closed = await send<InboxReferralView>(subjects.referralClose, {
      referralId: e.referralId,
      outcome: 'resolved',
      note: '达成协议',
      agreementSummary: '双方确认边界以界桩为准',
    });
    expect(closed).toMatchObject({ status: 'closed', outcome: 'resolved', closingNote: '达成协议' });

    const acceptedEvents = await eventually(
      () => stores.events<ReferralAcceptedV1>(ReferralAcceptedV1.subject),
      (x) => x.some((a) => a.referralId === e.referralId),
    );
    expect(acceptedEvents.filter((a) => a.referralId === e.referralId)).toEqual([
      expect.objectContaining({ agencyKind: 'people', acceptedBy: CLERK }),
    ]);
    const closedEvents = await eventually(
      () => stores.events<ReferralClosedV1>(ReferralClosedV1.subject),
      (x) => x.some((a) => a.referralId === e.referralId),
    );
    expect(closedEvents.filter((a) => a.referralId === e.referralId)).toEqual([
      expect.objectContaining({ outcome: 'resolved', note: '达成协议' }),
    ]);
    expect((await inbox('closed')).items.map((r) => r.id)).toContain(e.referralId);
  });

  it("keeps other agencies' staff out: their inbox is 403, its referrals 404", async () => {
    const e = issued('people');
    await stores.publish(ReferralIssuedV1, e);
    await received(e.referralId);
    const stranger = {
      id: 'u-x',
      name: '陈民警',
      role: 'agency_staff',
      agencyId: DEMO_AGENCY.huanglouPolice,
    };
    expect((await failure(send(subjects.inboxList, { agencyId: COMMITTEE }, stranger))).status).toBe(403);
    expect(
      (await failure(send(subjects.referralAccept, { referralId: e.referralId }, stranger))).status,
    ).toBe(404);
    expect(
      (await failure(send(subjects.referralAccept, { referralId: e.referralId }, TEST_ACTOR))).status,
    ).toBe(404);
    expect((await received(e.referralId))?.status).toBe('issued');
  });

  it('answers 409 for close before accept and for accepting twice, 404 for an unknown referral, 400 for a bad outcome', async () => {
    const e = issued('people');
    await stores.publish(ReferralIssuedV1, e);
    await received(e.referralId);
    const early = await failure(
      send(subjects.referralClose, {
        referralId: e.referralId,
        outcome: 'resolved',
        note: 'x',
        agreementSummary: 'x',
      }),
    );
    expect([early.status, early.message, early.messageZh]).toEqual([
      409,
      `cannot close referral ${e.referralId}: it is issued, and only a referral that is accepted or in_progress can be`,
      '派单待签收，不能办结（只有已签收或办理中的派单可以办结）',
    ]);
    await send(subjects.referralAccept, { referralId: e.referralId });
    expect((await failure(send(subjects.referralAccept, { referralId: e.referralId }))).status).toBe(409);
    expect((await failure(send(subjects.referralAccept, { referralId: randomUUID() }))).status).toBe(404);
    const bad = await failure(
      send(subjects.referralClose, { referralId: e.referralId, outcome: 'maybe', note: '' }),
    );
    expect(bad.status).toBe(400);
    expect(bad.fields?.map((f) => f.field).sort()).toEqual(['note', 'outcome']);
    expect((await received(e.referralId))?.status).toBe('accepted'); // the failed commands changed nothing
  });

  it('stores what the issued event says about role and risk, with defaults for older events', async () => {
    const rich = await anIssuedReferral({
      role: 'co',
      riskLevel: 'major',
      violenceRisk: true,
      ladderLevel: 2,
    });
    const plain = await anIssuedReferral();
    expect(await received(rich.referralId)).toMatchObject({
      role: 'co',
      riskLevel: 'major',
      violenceRisk: true,
      ladderLevel: 2,
    });
    const older = await received(plain.referralId);
    expect(older).toMatchObject({ role: 'lead', riskLevel: 'general', violenceRisk: false });
    expect(older?.ladderLevel).toBeUndefined();
  });
});

describe('退单 (return)', () => {
  it('returns an issued or an accepted referral with a reason, reporting it to dispatch', async () => {
    const e = await anIssuedReferral();
    const returned = await send<InboxReferralView>(subjects.referralReturn, {
      referralId: e.referralId,
      reason: 'not_our_responsibility',
      note: '涉及宅基地确权，属国土部门职责',
    });
    expect(returned).toMatchObject({
      status: 'returned',
      returnReason: 'not_our_responsibility',
      returnNote: '涉及宅基地确权，属国土部门职责',
    });
    expect(Date.parse(returned.returnedAt!)).not.toBeNaN();
    expect(await eventsFor<ReferralReturnedV1>(ReferralReturnedV1.subject, e.referralId)).toEqual([
      expect.objectContaining({
        caseId: e.caseId,
        agencyId: COMMITTEE,
        agencyKind: 'people',
        reason: 'not_our_responsibility',
        note: '涉及宅基地确权，属国土部门职责',
        returnedBy: CLERK,
      }),
    ]);

    const accepted = await anIssuedReferral();
    await send(subjects.referralAccept, { referralId: accepted.referralId });
    expect(
      await send<InboxReferralView>(subjects.referralReturn, {
        referralId: accepted.referralId,
        reason: 'parties_unreachable',
        note: '三次电话联系均未接通',
      }),
    ).toMatchObject({ status: 'returned', returnReason: 'parties_unreachable' });
  });

  it('answers 409 naming the state for a return after 办结 or once work started, 400 without a reason', async () => {
    const e = await anIssuedReferral();
    await send(subjects.referralAccept, { referralId: e.referralId });
    await send(subjects.referralClose, {
      referralId: e.referralId,
      outcome: 'withdrawn',
      note: '申请人撤回',
    });
    const late = await failure(
      send(subjects.referralReturn, { referralId: e.referralId, reason: 'other', note: '误派' }),
    );
    expect([late.status, late.message, late.messageZh]).toEqual([
      409,
      `cannot return referral ${e.referralId}: it is closed, and only a referral that is issued or accepted can be`,
      '派单已办结，不能退单（只有待签收或已签收的派单可以退单）',
    ]);

    const started = await anIssuedReferral();
    await send(subjects.referralAccept, { referralId: started.referralId });
    await send(subjects.referralStart, { referralId: started.referralId });
    const working = await failure(
      send(subjects.referralReturn, { referralId: started.referralId, reason: 'other', note: '误派' }),
    );
    expect([working.status, working.messageZh]).toEqual([
      409,
      '派单办理中，不能退单（只有待签收或已签收的派单可以退单）',
    ]);

    const bad = await failure(
      send(subjects.referralReturn, { referralId: started.referralId, reason: 'bored', note: '' }),
    );
    expect(bad.status).toBe(400);
    expect(bad.fields?.map((f) => f.field).sort()).toEqual(['note', 'reason']);
    // The outbox relays in commit order: once a later event of this referral is out, a return
    // written by any of the refused calls above would have been published before it.
    await send(subjects.referralClose, {
      referralId: started.referralId,
      outcome: 'failed',
      note: '调解不成',
      nextStep: 'escalate',
    });
    await eventsFor<ReferralClosedV1>(ReferralClosedV1.subject, started.referralId);
    for (const id of [e.referralId, started.referralId]) {
      expect(await eventsFor<ReferralReturnedV1>(ReferralReturnedV1.subject, id, 0)).toEqual([]);
    }
  });

  it("keeps other agencies' staff out of returning and starting: 404", async () => {
    const e = await anIssuedReferral();
    const stranger = { ...CLERK, id: 'u-x', agencyId: DEMO_AGENCY.huanglouPolice };
    const body = { referralId: e.referralId, reason: 'other', note: 'x' };
    expect((await failure(send(subjects.referralReturn, body, stranger))).status).toBe(404);
    expect((await failure(send(subjects.referralReturn, body, TEST_ACTOR))).status).toBe(404);
    await send(subjects.referralAccept, { referralId: e.referralId });
    expect((await failure(send(subjects.referralStart, { referralId: e.referralId }, stranger))).status).toBe(
      404,
    );
    expect((await received(e.referralId))?.status).toBe('accepted');
  });
});

describe('开始办理 and 办结 with the agreement or the next step', () => {
  it('starts an accepted referral, then closes it with the agreement, reporting each step', async () => {
    const e = await anIssuedReferral();
    const early = await failure(send(subjects.referralStart, { referralId: e.referralId }));
    expect([early.status, early.messageZh]).toEqual([
      409,
      '派单待签收，不能开始办理（只有已签收的派单可以开始办理）',
    ]);
    await send(subjects.referralAccept, { referralId: e.referralId });
    const started = await send<InboxReferralView>(subjects.referralStart, { referralId: e.referralId });
    expect(started.status).toBe('in_progress');
    expect(Date.parse(started.startedAt!)).not.toBeNaN();
    expect((await failure(send(subjects.referralStart, { referralId: e.referralId }))).status).toBe(409);

    const closed = await send<InboxReferralView>(subjects.referralClose, {
      referralId: e.referralId,
      outcome: 'resolved',
      note: '经调解双方达成一致',
      agreementSummary: '楼上住户于12月1日前修复防水层并赔偿800元',
    });
    expect(closed).toMatchObject({
      status: 'closed',
      outcome: 'resolved',
      agreementSummary: '楼上住户于12月1日前修复防水层并赔偿800元',
    });
    expect(closed.nextStep).toBeUndefined();

    expect(await eventsFor<ReferralStartedV1>(ReferralStartedV1.subject, e.referralId)).toEqual([
      expect.objectContaining({ caseId: e.caseId, agencyKind: 'people', startedBy: CLERK }),
    ]);
    const [closedEvent] = await eventsFor<ReferralClosedV1>(ReferralClosedV1.subject, e.referralId);
    expect(closedEvent).toMatchObject({
      outcome: 'resolved',
      agreementSummary: '楼上住户于12月1日前修复防水层并赔偿800元',
    });
    expect(closedEvent).not.toHaveProperty('nextStep');
  });

  it('answers 400 naming nextStep for a failed close without one, and agreementSummary for a resolved one without it', async () => {
    const e = await anIssuedReferral();
    await send(subjects.referralAccept, { referralId: e.referralId });
    const noStep = await failure(
      send(subjects.referralClose, { referralId: e.referralId, outcome: 'failed', note: '双方分歧较大' }),
    );
    expect([noStep.status, noStep.fields?.map((f) => f.field)]).toEqual([400, ['nextStep']]);
    expect(noStep.fields?.[0].reason).toMatch(/nextStep must be one of/);
    const noAgreement = await failure(
      send(subjects.referralClose, { referralId: e.referralId, outcome: 'resolved', note: '达成协议' }),
    );
    expect([noAgreement.status, [...new Set(noAgreement.fields?.map((f) => f.field))]]).toEqual([
      400,
      ['agreementSummary'],
    ]);
    expect((await received(e.referralId))?.status).toBe('accepted');

    const closed = await send<InboxReferralView>(subjects.referralClose, {
      referralId: e.referralId,
      outcome: 'failed',
      note: '双方分歧较大',
      nextStep: 'litigation',
    });
    expect(closed).toMatchObject({ status: 'closed', outcome: 'failed', nextStep: 'litigation' });
    const [closedEvent] = await eventsFor<ReferralClosedV1>(ReferralClosedV1.subject, e.referralId);
    expect(closedEvent).toMatchObject({ outcome: 'failed', nextStep: 'litigation' });
    expect(closedEvent).not.toHaveProperty('agreementSummary');
  });
});

describe("dispatch's decisions: rulings on returns and transfers (转办)", () => {
  it('puts an overruled return back to 待签收 exactly once, however often the ruling arrives', async () => {
    const e = await anIssuedReferral();
    await send(subjects.referralAccept, { referralId: e.referralId });
    await send(subjects.referralReturn, {
      referralId: e.referralId,
      reason: 'not_our_responsibility',
      note: '非本单位职责',
    });
    const overruled = ruling(e, 'overruled');
    const first = await stores.publish(ReferralReturnRuledV1, overruled);
    await stores.publish(ReferralReturnRuledV1, overruled, first); // the same message again
    await applied('referral-return-ruled', first);
    const back = await received(e.referralId);
    expect(back).toMatchObject({
      status: 'issued',
      ruling: 'overruled',
      rulingNote: '邻里纠纷属人民调解职责，请继续办理',
      ruledAt: overruled.ruledAt,
      // the return stays on record
      returnReason: 'not_our_responsibility',
      returnNote: '非本单位职责',
    });
    expect(back?.acceptedAt).toBeUndefined(); // to be signed for again

    // 签收 again; a copy of the ruling under another id changes nothing.
    await send(subjects.referralAccept, { referralId: e.referralId });
    await applied('referral-return-ruled', await stores.publish(ReferralReturnRuledV1, overruled));
    expect((await received(e.referralId))?.status).toBe('accepted');

    // Returned again: the old ruling does not answer the new return, even when it turns up late.
    const again = await send<InboxReferralView>(subjects.referralReturn, {
      referralId: e.referralId,
      reason: 'needs_other_department',
      note: '需国土部门现场勘界',
    });
    expect(again.ruling).toBeUndefined();
    await applied('referral-return-ruled', await stores.publish(ReferralReturnRuledV1, overruled));
    expect(await received(e.referralId)).toMatchObject({
      status: 'returned',
      returnReason: 'needs_other_department',
    });
    expect((await received(e.referralId))?.ruling).toBeUndefined();
  });

  it('leaves an upheld return returned, recording the ruling', async () => {
    const e = await anIssuedReferral();
    await send(subjects.referralReturn, {
      referralId: e.referralId,
      reason: 'not_our_jurisdiction',
      note: '不属本辖区',
    });
    const upheld = ruling(e, 'upheld');
    await applied('referral-return-ruled', await stores.publish(ReferralReturnRuledV1, upheld));
    await applied('referral-return-ruled', await stores.publish(ReferralReturnRuledV1, upheld));
    expect(await received(e.referralId)).toMatchObject({
      status: 'returned',
      ruling: 'upheld',
      ruledAt: upheld.ruledAt,
      returnReason: 'not_our_jurisdiction',
    });
    const accept = await failure(send(subjects.referralAccept, { referralId: e.referralId }));
    expect([accept.status, accept.messageZh]).toEqual([
      409,
      '派单已退单，不能签收（只有待签收的派单可以签收）',
    ]);
  });

  it('takes a transferred referral out of active work, with where it went, once', async () => {
    const e = await anIssuedReferral();
    await send(subjects.referralAccept, { referralId: e.referralId });
    await send(subjects.referralStart, { referralId: e.referralId });
    const moved = transfer(e);
    await applied('referral-transferred', await stores.publish(ReferralTransferredV1, moved));
    await applied(
      'referral-transferred',
      await stores.publish(ReferralTransferredV1, { ...moved, toReferralId: randomUUID() }),
    );
    expect(await received(e.referralId)).toMatchObject({
      status: 'transferred',
      transferredAt: moved.transferredAt,
      transferredToReferralId: moved.toReferralId, // the copy changed nothing
      transferredToAgencyId: DEMO_AGENCY.huanglouPolice,
      transferReason: '有民转刑风险，转派出所办理',
    });
    for (const active of ['issued', 'accepted', 'in_progress'])
      expect((await inbox(active)).items.map((r) => r.id)).not.toContain(e.referralId);
    expect((await inbox('transferred')).items.map((r) => r.id)).toContain(e.referralId);
    const close = await failure(
      send(subjects.referralClose, { referralId: e.referralId, outcome: 'withdrawn', note: 'x' }),
    );
    expect([close.status, close.messageZh]).toEqual([
      409,
      '派单已转办，不能办结（只有已签收或办理中的派单可以办结）',
    ]);
  });

  it('leaves a closed referral closed when a transfer arrives, and applies one that overtakes its issue', async () => {
    const done = await anIssuedReferral();
    await send(subjects.referralAccept, { referralId: done.referralId });
    await send(subjects.referralClose, { referralId: done.referralId, outcome: 'withdrawn', note: '撤回' });
    await applied('referral-transferred', await stores.publish(ReferralTransferredV1, transfer(done)));
    expect((await received(done.referralId))?.status).toBe('closed');

    // The transfer is retried until the referral it moves has reached the inbox.
    const late = issued('people');
    await stores.publish(ReferralTransferredV1, transfer(late));
    await new Promise((r) => setTimeout(r, 300));
    await stores.publish(ReferralIssuedV1, late);
    const moved = await eventually(
      () => received(late.referralId),
      (r) => r?.status === 'transferred',
    );
    expect(moved?.status).toBe('transferred');
  });

  it("ignores decisions about another agency kind's referrals", async () => {
    const e = await anIssuedReferral();
    await send(subjects.referralReturn, { referralId: e.referralId, reason: 'other', note: '误派' });
    await stores.publish(ReferralTransferredV1, { ...transfer(e), agencyKind: 'police' });
    await stores.publish(ReferralReturnRuledV1, { ...ruling(e, 'overruled'), agencyKind: 'police' });
    // Filtered messages are acknowledged without an inbox row: wait until later ones are applied.
    const marker = await anIssuedReferral();
    await applied('referral-transferred', await stores.publish(ReferralTransferredV1, transfer(marker)));
    await applied(
      'referral-return-ruled',
      await stores.publish(ReferralReturnRuledV1, ruling(marker, 'upheld')),
    );
    expect(await received(e.referralId)).toMatchObject({ status: 'returned', returnReason: 'other' });
    expect((await received(e.referralId))?.ruling).toBeUndefined();
  });
});

describe('the inbox order and filters', () => {
  const LULI = DEMO_AGENCY.luliCommittee;
  const luliClerk = { ...CLERK, id: 'u-luli', agencyId: LULI };
  const list = (query: object = {}) =>
    send<Page<InboxReferralView>>(subjects.inboxList, { agencyId: LULI, ...query }, luliClerk);
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();

  it('lists 民转刑 referrals first, then the most serious risk, then the newest; filters by 民转刑 and role', async () => {
    const at = (h: number, over: Partial<ReferralIssuedV1>) => ({
      ...issued('people', LULI),
      issuedAt: hoursAgo(h),
      ...over,
    });
    const oldGeneral = at(3, { riskLevel: 'general' });
    const major = at(2, { riskLevel: 'major' });
    const violent = at(5, { violenceRisk: true });
    const violentGrave = at(4, { violenceRisk: true, riskLevel: 'especially_major', role: 'co' });
    const newest = at(1, {}); // an older event: general, lead, no 民转刑
    for (const e of [oldGeneral, major, violent, violentGrave, newest])
      await stores.publish(ReferralIssuedV1, e);
    const all = await eventually(list, (p) => p.total === 5);
    expect(all.items.map((r) => r.id)).toEqual(
      [violentGrave, violent, major, newest, oldGeneral].map((e) => e.referralId),
    );

    expect((await list({ violenceRisk: true })).items.map((r) => r.id)).toEqual([
      violentGrave.referralId,
      violent.referralId,
    ]);
    // As a query string carries it.
    expect((await list({ violenceRisk: 'false' })).items.map((r) => r.id)).toEqual(
      [major, newest, oldGeneral].map((e) => e.referralId),
    );
    expect((await list({ role: 'co' })).items.map((r) => r.id)).toEqual([violentGrave.referralId]);
    expect((await list({ role: 'lead', violenceRisk: true })).items.map((r) => r.id)).toEqual([
      violent.referralId,
    ]);
    expect((await list({ status: 'in_progress' })).total).toBe(0);
    const page2 = await list({ pageSize: 2, page: 2 });
    expect([page2.total, page2.items.map((r) => r.id)]).toEqual([5, [major.referralId, newest.referralId]]);

    const bad = await failure(list({ violenceRisk: 'maybe', role: 'boss', status: 'lost' }));
    expect([bad.status, bad.fields?.map((f) => f.field).sort()]).toEqual([
      400,
      ['role', 'status', 'violenceRisk'],
    ]);
  });
});

describe('a coordinator looking into an agency above their 辖区', () => {
  it("sees only the referrals of their own area's cases", async () => {
    const MEDICAL = DEMO_AGENCY.medicalCommittee;
    const huanglou = { ...issued('people', MEDICAL), jurisdictionCode: '370781007201' };
    const wangfu = { ...issued('people', MEDICAL), jurisdictionCode: '370781001025' };
    for (const e of [huanglou, wangfu]) await stores.publish(ReferralIssuedV1, e);
    const asCity = () =>
      send<Page<InboxReferralView>>(subjects.inboxList, { agencyId: MEDICAL, pageSize: 100 }, TEST_ACTOR);
    expect((await eventually(asCity, (p) => p.total === 2)).total).toBe(2);

    const huanglouCoordinator = { ...TEST_ACTOR, id: 'u-hl-coord', jurisdictionCode: '370781007000' };
    const seen = await send<Page<InboxReferralView>>(
      subjects.inboxList,
      { agencyId: MEDICAL, pageSize: 100 },
      huanglouCoordinator,
    );
    expect([seen.total, seen.items.map((r) => r.id)]).toEqual([1, [huanglou.referralId]]);
  });
});
