import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  CaseReopenedV1,
  DispatchSubjects,
  FollowUpRecordedV1,
  FollowUpScheduledV1,
  ReferralAcceptedV1,
  ReferralClosedV1,
  ReferralIssuedV1,
  type Actor,
  type CaseView,
  type Page,
  type ReferralView,
  type SlaClockView,
} from '@fengqiao/contracts';
import type { RpcClient } from '@fengqiao/messaging';
import { aDispute, DEMO_AGENCY, eventually, TEST_ACTOR, type TestStores } from '@fengqiao/testing';
import { startDispatch, type DispatchUnderTest } from './harness';

/**
 * 一事一回访 as the agencies report it: the 回访 clock runs from scheduling to the record, and a
 * rebound (反弹) reopens the resolved case as a new referral to the same agency, exactly once.
 */

const COMMITTEE = DEMO_AGENCY.huanglouCommittee; // 黄楼街道人民调解委员会
const JUDICIAL = DEMO_AGENCY.huanglouJudicial;
const clerk: Actor = {
  id: 'u-hl-clerk',
  name: '黄楼调委会 王干事',
  role: 'agency_staff',
  agencyId: COMMITTEE,
};
const colleague: Actor = {
  id: 'u-hl-colleague',
  name: '黄楼调委会 周干事',
  role: 'agency_staff',
  agencyId: COMMITTEE,
};

let dispatch: DispatchUnderTest;
let stores: TestStores;
let rpc: RpcClient;
let dataSource: DataSource;

const send = <T>(subject: string, body: object) => rpc.request<T>('dispatch', subject, TEST_ACTOR, body);
const getCase = (caseId: string) => send<CaseView>(DispatchSubjects.caseGet, { caseId });
const clocksOf = async (subjectId: string, kind: string) =>
  (await send<Page<SlaClockView>>(DispatchSubjects.slaClockList, { subjectId, kind, pageSize: 20 })).items;
const facts = (r: ReferralView) => ({
  referralId: r.id,
  caseId: r.caseId,
  agencyId: r.agencyId,
  agencyKind: r.agencyKind,
});

/** The agency accepts and settles the referral; waits until dispatch has applied both. */
async function settle(referral: ReferralView): Promise<void> {
  await stores.publish(ReferralAcceptedV1, {
    ...facts(referral),
    acceptedAt: new Date().toISOString(),
    acceptedBy: clerk,
  });
  // The two reports go to two consumers: wait for the first, so the case passes through 调解中.
  await eventually(
    () => send<ReferralView>(DispatchSubjects.referralGet, { referralId: referral.id }),
    (r) => r.status === 'accepted',
  );
  await stores.publish(ReferralClosedV1, {
    ...facts(referral),
    outcome: 'resolved',
    note: '双方达成协议',
    agreementSummary: '楼上住户修复防水层并赔偿800元',
    closedAt: new Date().toISOString(),
    closedBy: clerk,
  });
  await eventually(
    () => send<ReferralView>(DispatchSubjects.referralGet, { referralId: referral.id }),
    (r) => r.status === 'closed',
  );
}

/** A neighbours' case referred to the committee and settled there. */
async function settledCase(): Promise<{ kase: CaseView; referral: ReferralView }> {
  const kase = await send<CaseView>(DispatchSubjects.caseRegister, aDispute());
  const referral = await send<ReferralView>(DispatchSubjects.referralIssue, {
    caseId: kase.id,
    agencyId: COMMITTEE,
  });
  await settle(referral);
  expect((await getCase(kase.id)).status).toBe('resolved');
  return { kase, referral };
}

const scheduled = (referral: ReferralView, over: Partial<FollowUpScheduledV1> = {}): FollowUpScheduledV1 => ({
  ...facts(referral),
  followUpId: randomUUID(),
  method: 'phone',
  scheduledFor: new Date(Date.now() + 3 * 86400_000).toISOString(),
  scheduledAt: new Date().toISOString(),
  scheduledBy: clerk,
  ...over,
});

const recorded = (referral: ReferralView, over: Partial<FollowUpRecordedV1> = {}): FollowUpRecordedV1 => ({
  ...facts(referral),
  followUpId: randomUUID(),
  method: 'visit',
  satisfaction: 'satisfied',
  rebound: false,
  note: '双方均已履行协议，邻里关系恢复',
  recordedAt: new Date().toISOString(),
  recordedBy: colleague,
  ...over,
});

const outboxCount = async (subject: string, caseId: string): Promise<number> => {
  const [row] = await dataSource.query(
    `SELECT count(*)::int AS n FROM dispatch.outbox WHERE subject = $1 AND payload->>'caseId' = $2`,
    [subject, caseId],
  );
  return row.n;
};

beforeAll(async () => {
  dispatch = await startDispatch({ SLA_TIMER: 'off' });
  ({ stores, rpc, dataSource } = dispatch);
});

afterAll(() => dispatch?.stop());

describe('the 回访 clock', () => {
  it('starts on scheduling from the policy, once however often the schedule arrives, and stops on the record', async () => {
    const { kase, referral } = await settledCase();
    const plan = scheduled(referral);
    await stores.publish(FollowUpScheduledV1, plan);
    const [clock] = await eventually(
      () => clocksOf(referral.id, 'follow_up'),
      (cs) => cs.length > 0,
    );
    expect(clock).toMatchObject({
      kind: 'follow_up',
      state: 'running',
      agencyId: COMMITTEE,
      policyVersion: 1,
      target: { amount: 5, unit: 'working_days' },
      startedAt: plan.scheduledAt,
    });

    // The same report again (another message id), and a re-plan while it runs: still one clock.
    await stores.publish(FollowUpScheduledV1, plan);
    const replan = scheduled(referral, {
      followUpId: plan.followUpId,
      method: 'visit',
      scheduledAt: new Date(Date.parse(plan.scheduledAt) + 1000).toISOString(),
    });
    await stores.publish(FollowUpScheduledV1, replan);
    const timeline = await eventually(
      async () => (await getCase(kase.id)).timeline.filter((t) => t.step === 'follow_up_scheduled'),
      (t) => t.length === 2,
    );
    expect(timeline.map((t) => t.summary)).toEqual([
      expect.stringMatching(
        /^黄楼街道人民调解委员会已安排回访（电话回访，计划于 \d{4}-\d\d-\d\d \d\d:\d\d）$/,
      ),
      expect.stringContaining('上门回访'),
    ]);
    expect(await clocksOf(referral.id, 'follow_up')).toHaveLength(1);

    await stores.publish(FollowUpRecordedV1, recorded(referral, { satisfaction: 'basically_satisfied' }));
    const [stopped] = await eventually(
      () => clocksOf(referral.id, 'follow_up'),
      (cs) => cs[0]?.state === 'stopped',
    );
    expect(stopped).toMatchObject({ stopReason: 'done', overdue: false });
    const after = await getCase(kase.id);
    expect(after.status).toBe('resolved');
    expect(after.rebound).toBe(false);
    expect(after.timeline.filter((t) => t.step === 'follow_up_recorded')).toEqual([
      expect.objectContaining({
        summary: '黄楼街道人民调解委员会上门回访：基本满意。双方均已履行协议，邻里关系恢复',
        actorName: colleague.name,
      }),
    ]);
    expect(after.referrals).toHaveLength(1);
  });

  it('starts no clock for a schedule that arrives after the follow-up was recorded', async () => {
    const { kase, referral } = await settledCase();
    await stores.publish(FollowUpRecordedV1, recorded(referral));
    await eventually(
      async () => (await getCase(kase.id)).timeline,
      (t) => t.some((s) => s.step === 'follow_up_recorded'),
    );
    await stores.publish(FollowUpScheduledV1, scheduled(referral));
    await eventually(
      async () => (await getCase(kase.id)).timeline,
      (t) => t.some((s) => s.step === 'follow_up_scheduled'),
    );
    expect(await clocksOf(referral.id, 'follow_up')).toEqual([]);
  });
});

describe('a rebound (反弹) found by the follow-up', () => {
  it('reopens the resolved case as one new referral to the same agency, linked to the settlement, even when redelivered', async () => {
    const { kase, referral } = await settledCase();
    await stores.publish(FollowUpScheduledV1, scheduled(referral));
    await eventually(
      () => clocksOf(referral.id, 'follow_up'),
      (cs) => cs.length === 1,
    );
    const report = recorded(referral, {
      satisfaction: 'dissatisfied',
      rebound: true,
      note: '楼上住户未按期修复，漏水再次发生',
    });
    await stores.publish(FollowUpRecordedV1, report);
    const reopened = await eventually(
      () => getCase(kase.id),
      (c) => c.referrals.length === 2,
    );
    expect(reopened).toMatchObject({ status: 'referred', rebound: true });
    expect(reopened.ladder.closedLevel).toBeUndefined();
    const fresh = reopened.referrals[1];
    expect(fresh).toMatchObject({
      agencyId: COMMITTEE,
      status: 'issued',
      role: 'lead',
      reopenedFromReferralId: referral.id,
    });
    expect(reopened.referrals[0]).toMatchObject({ id: referral.id, status: 'closed', outcome: 'resolved' });
    const steps = reopened.timeline.map((t) => t.step);
    expect(steps.slice(steps.indexOf('follow_up_recorded'))).toEqual([
      'follow_up_recorded',
      'case_reopened',
      'referral_issued',
    ]);
    expect(reopened.timeline.find((t) => t.step === 'follow_up_recorded')!.summary).toContain(
      '不满意，纠纷反弹，已重新派单',
    );
    expect(reopened.timeline.find((t) => t.step === 'case_reopened')!.summary).toMatch(/^反弹重开：/);
    expect(await clocksOf(referral.id, 'follow_up')).toEqual([
      expect.objectContaining({ state: 'stopped', stopReason: 'done' }),
    ]);
    // Issued the normal way: its 签收 clock runs and the agency's inbox gets it.
    expect(await clocksOf(fresh.id, 'accept')).toEqual([expect.objectContaining({ state: 'running' })]);
    const issued = await eventually(
      () => stores.events<ReferralIssuedV1>(ReferralIssuedV1.subject),
      (es) => es.some((x) => x.referralId === fresh.id),
    );
    expect(issued.find((x) => x.referralId === fresh.id)).toMatchObject({
      agencyId: COMMITTEE,
      agencyKind: 'people',
      reopenedFromReferralId: referral.id,
      issuedBy: { id: 'system:follow-up', role: 'system' },
    });
    const events = await eventually(
      () => stores.events<CaseReopenedV1>(CaseReopenedV1.subject),
      (es) => es.some((x) => x.caseId === kase.id),
    );
    expect(events.filter((x) => x.caseId === kase.id)).toEqual([
      expect.objectContaining({
        referralId: fresh.id,
        fromReferralId: referral.id,
        followUpId: report.followUpId,
        satisfaction: 'dissatisfied',
      }),
    ]);

    // A redelivery under another message id, and a second rebound report on the same settlement.
    await stores.publish(FollowUpRecordedV1, report);
    await stores.publish(FollowUpRecordedV1, { ...report, recordedAt: new Date().toISOString() });
    await eventually(
      async () => (await getCase(kase.id)).timeline.filter((t) => t.step === 'follow_up_recorded'),
      (t) => t.length === 2,
    );
    const later = await getCase(kase.id);
    expect(later.referrals).toHaveLength(2);
    expect(later.timeline.filter((t) => t.step === 'follow_up_recorded')[1].summary).toContain('已重开');
    expect(await outboxCount(CaseReopenedV1.subject, kase.id)).toBe(1);
    const [{ changes }] = await dataSource.query(
      `SELECT array_agg((payload->>'from') || '>' || (payload->>'to') ORDER BY seq) AS changes
         FROM dispatch.outbox WHERE subject = 'dispatch.case.status_changed.v1' AND payload->>'caseId' = $1`,
      [kase.id],
    );
    expect(changes).toEqual([
      'registered>referred',
      'referred>in_mediation',
      'in_mediation>resolved',
      'resolved>referred',
    ]);
  });

  it('counts the rebounded settlement no more: a failed second mediation leaves the case unresolved', async () => {
    const { kase, referral } = await settledCase();
    await stores.publish(
      FollowUpRecordedV1,
      recorded(referral, { satisfaction: 'dissatisfied', rebound: true }),
    );
    const reopened = await eventually(
      () => getCase(kase.id),
      (c) => c.referrals.length === 2,
    );
    const fresh = reopened.referrals[1];
    await stores.publish(ReferralAcceptedV1, {
      ...facts(fresh),
      acceptedAt: new Date().toISOString(),
      acceptedBy: clerk,
    });
    await stores.publish(ReferralClosedV1, {
      ...facts(fresh),
      outcome: 'failed',
      note: '双方分歧较大',
      nextStep: 'litigation',
      closedAt: new Date().toISOString(),
      closedBy: clerk,
    });
    const after = await eventually(
      () => getCase(kase.id),
      (c) => c.referrals[1].status === 'closed',
    );
    expect(after.status).toBe('unresolved');
  });

  it('does not reopen while the agency still holds an open referral on the case', async () => {
    const kase = await send<CaseView>(DispatchSubjects.caseRegister, aDispute());
    const [lead, co] = await send<ReferralView[]>(DispatchSubjects.caseDispatch, {
      caseId: kase.id,
      leadAgencyId: JUDICIAL,
      coHandlerIds: [COMMITTEE],
      overrideReason: '涉及法律适用，由司法所主办',
    });
    expect([lead.agencyId, co.agencyId]).toEqual([JUDICIAL, COMMITTEE]);
    await settle(co);
    const again = await send<ReferralView>(DispatchSubjects.referralIssue, {
      caseId: kase.id,
      agencyId: COMMITTEE,
      role: 'co',
    });
    await stores.publish(FollowUpRecordedV1, recorded(co, { satisfaction: 'dissatisfied', rebound: true }));
    const entry = await eventually(
      async () => (await getCase(kase.id)).timeline.find((t) => t.step === 'follow_up_recorded'),
      (t) => t !== undefined,
    );
    expect(entry!.summary).toContain('黄楼街道人民调解委员会尚有在办派单，未重复派单');
    const after = await getCase(kase.id);
    expect(after.referrals.map((r) => r.id)).toEqual([lead.id, co.id, again.id]);
    expect(after.rebound).toBe(false);
    expect(await outboxCount(CaseReopenedV1.subject, kase.id)).toBe(0);
  });
});
