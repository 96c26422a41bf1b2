import { aDispute, DEMO_AGENCY as AGENCIES } from '@fengqiao/testing';
import { TestHub } from './support/test-hub';

/**
 * The referral lifecycle as the agency sees it, over HTTP: 签收 → 开始办理 → 办结 with the agreement,
 * and 退单 with a reason. (What dispatch makes of a return is its own test.)
 */
let hub: TestHub;
const CLERK = 'clerk.huanglou-committee';
const COMMITTEE = AGENCIES.huanglouCommittee;

beforeAll(async () => {
  hub = await TestHub.start();
});

afterAll(async () => {
  await hub?.stop();
});

/** A new case referred to the 黄楼 committee, once it has reached the committee's inbox. */
async function aReferral(): Promise<string> {
  const kase = await hub.http('POST', '/api/v1/cases', aDispute());
  expect(kase.status).toBe(201);
  const ref = await hub.http('POST', `/api/v1/cases/${kase.body.id}/referrals`, { agencyId: COMMITTEE });
  expect(ref.status).toBe(201);
  await hub.inboxHas(COMMITTEE, ref.body.id);
  return ref.body.id;
}

const fieldsOf = (r: { body: { error: { fields: { field: string }[] } } }) =>
  [...new Set(r.body.error.fields.map((f) => f.field))].sort();

const inboxItem = async (referralId: string, query = '') => {
  const page = await hub.as(CLERK, 'GET', `/api/v1/agencies/${COMMITTEE}/referrals?pageSize=100${query}`);
  expect(page.status).toBe(200);
  return page.body.items.find((r: { id: string }) => r.id === referralId);
};

describe('the referral lifecycle in the agency inbox', () => {
  it('accept → start → close with the agreement', async () => {
    const id = await aReferral();
    const item = await inboxItem(id);
    expect(item).toMatchObject({ status: 'issued', role: 'lead', violenceRisk: false });

    const early = await hub.as(CLERK, 'POST', `/api/v1/referrals/${id}/start`);
    expect([early.status, early.body.error.messageZh]).toEqual([
      409,
      '派单待签收，不能开始办理（只有已签收的派单可以开始办理）',
    ]);
    expect((await hub.as(CLERK, 'POST', `/api/v1/referrals/${id}/accept`)).status).toBe(200);
    const started = await hub.as(CLERK, 'POST', `/api/v1/referrals/${id}/start`);
    expect([started.status, started.body.status]).toEqual([200, 'in_progress']);

    const noAgreement = await hub.as(CLERK, 'POST', `/api/v1/referrals/${id}/close`, {
      outcome: 'resolved',
      note: '双方达成调解协议',
    });
    expect(noAgreement.status).toBe(400);
    expect(fieldsOf(noAgreement)).toEqual(['agreementSummary']);

    const closed = await hub.as(CLERK, 'POST', `/api/v1/referrals/${id}/close`, {
      outcome: 'resolved',
      note: '双方达成调解协议',
      agreementSummary: '楼上住户于12月1日前修复防水层并赔偿800元',
    });
    expect([closed.status, closed.body.status, closed.body.agreementSummary]).toEqual([
      200,
      'closed',
      '楼上住户于12月1日前修复防水层并赔偿800元',
    ]);
    expect(await inboxItem(id, '&status=closed')).toMatchObject({ status: 'closed', outcome: 'resolved' });
    expect(await inboxItem(id, '&status=in_progress')).toBeUndefined();

    const log = await hub.sql.query(
      'SELECT action, result FROM people_mediation.audit_log WHERE target = $1 ORDER BY seq',
      [id],
    );
    expect(log.rows.map((r) => `${r.action} ${r.result}`)).toEqual([
      'people-mediation.referral.start.v1 409 CONFLICT',
      'people-mediation.referral.accept.v1 ok',
      'people-mediation.referral.start.v1 ok',
      'people-mediation.referral.close.v1 ok',
    ]);
  });

  it('returns a referral with a reason; a return without one is 400, after 办结 409', async () => {
    const id = await aReferral();
    const bad = await hub.as(CLERK, 'POST', `/api/v1/referrals/${id}/return`, { reason: 'bored' });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toEqual(['note', 'reason']);

    const returned = await hub.as(CLERK, 'POST', `/api/v1/referrals/${id}/return`, {
      reason: 'needs_other_department',
      note: '涉及宅基地确权，需国土部门处理',
    });
    expect([returned.status, returned.body.status, returned.body.returnReason]).toEqual([
      200,
      'returned',
      'needs_other_department',
    ]);
    const again = await hub.as(CLERK, 'POST', `/api/v1/referrals/${id}/return`, {
      reason: 'other',
      note: '再退',
    });
    expect([again.status, again.body.error.code]).toEqual([409, 'CONFLICT']);

    const done = await aReferral();
    await hub.as(CLERK, 'POST', `/api/v1/referrals/${done}/accept`);
    await hub.as(CLERK, 'POST', `/api/v1/referrals/${done}/close`, {
      outcome: 'withdrawn',
      note: '申请人撤回',
    });
    const late = await hub.as(CLERK, 'POST', `/api/v1/referrals/${done}/return`, {
      reason: 'other',
      note: '误派',
    });
    expect([late.status, late.body.error.messageZh]).toEqual([
      409,
      '派单已办结，不能退单（只有待签收或已签收的派单可以退单）',
    ]);
  });

  it('filters the inbox by 民转刑 risk and role from the query string', async () => {
    const id = await aReferral();
    expect(await inboxItem(id, '&violenceRisk=false')).toBeDefined();
    expect(await inboxItem(id, '&violenceRisk=true')).toBeUndefined();
    const bad = await hub.as(
      CLERK,
      'GET',
      `/api/v1/agencies/${COMMITTEE}/referrals?violenceRisk=maybe&role=boss`,
    );
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toEqual(['role', 'violenceRisk']);
  });
});
