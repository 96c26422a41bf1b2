import { randomUUID } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import {
  CaseFlaggedV1,
  CaseStatusChangedV1,
  DispatchSubjects,
  OnTheSpotSettledV1,
  ReferralAcceptedV1,
  ReferralHandOffRequestedV1,
  ReferralTransferredV1,
  ViolenceRiskAssessedV1,
  type Actor,
  type CasePartyLookupView,
  type CaseView,
  type Page,
  type ReferralView,
  type SlaClockView,
} from '@fengqiao/contracts';
import type { RpcClient } from '@fengqiao/messaging';
import { PersonalDataCipher } from '@fengqiao/pii';
import { aDispute, DEMO_AGENCY, eventually, TEST_ACTOR, type TestStores } from '@fengqiao/testing';
import { failure, startDispatch, type DispatchUnderTest } from './harness';

/**
 * What police stations report to dispatch and ask of it: 民转刑 assessments raise a case's risk and
 * its deadlines (never lower them), 警调对接 hands a referral to the stationed committee, a case a
 * station registers itself and settles on the spot (当场调处) is resolved at the lowest level, and an
 * agency holding a referral reads the parties' lookup hashes for its conflict check.
 */

const STATION = DEMO_AGENCY.huanglouPolice; // 青州市公安局黄楼派出所, 黄楼街道
const COMMITTEE = DEMO_AGENCY.huanglouCommittee; // 黄楼街道人民调解委员会
const FAR_COMMITTEE = '6a1f0c00-0000-4000-8000-00000000f301'; // in 潍城区, another district
const staff = (agencyId: string, id: string, name: string, role = 'agency_staff'): Actor => ({
  id,
  name,
  role,
  agencyId,
});
const officer = staff(STATION, 'u-hl-police', '黄楼派出所 陈民警');
const assistant = staff(STATION, 'u-hl-assist', '黄楼派出所 警务助理小李', 'mediator');
const committeeClerk = staff(COMMITTEE, 'u-hl-clerk', '黄楼调委会 王干事');
const lawyerClerk = staff(DEMO_AGENCY.lawyerStudio, 'u-lawyer', '律师调解工作室 赵律师');
const judicialClerk = staff(DEMO_AGENCY.huanglouJudicial, 'u-judicial', '黄楼司法所 孙干事');

let dispatch: DispatchUnderTest;
let stores: TestStores;
let app: INestMicroservice;
let rpc: RpcClient;
let dataSource: DataSource;

const as = <T>(actor: Actor, subject: string, body: object) =>
  rpc.request<T>('dispatch', subject, actor, body);
const send = <T>(subject: string, body: object) => as<T>(TEST_ACTOR, subject, body);
const getCase = (caseId: string) => send<CaseView>(DispatchSubjects.caseGet, { caseId });
const clocksOf = async (subjectId: string) =>
  (await send<Page<SlaClockView>>(DispatchSubjects.slaClockList, { subjectId, pageSize: 20 })).items;
const facts = (r: ReferralView) => ({
  referralId: r.id,
  caseId: r.caseId,
  agencyId: r.agencyId,
  agencyKind: r.agencyKind,
});

/** A neighbours' case in 卢李村 referred to the station and, optionally, accepted by it. */
async function policeReferral(over: object = {}, accepted = true): Promise<ReferralView> {
  const kase = await send<CaseView>(DispatchSubjects.caseRegister, aDispute(over));
  const referral = await send<ReferralView>(DispatchSubjects.referralIssue, {
    caseId: kase.id,
    agencyId: STATION,
  });
  if (!accepted) return referral;
  await stores.publish(ReferralAcceptedV1, {
    ...facts(referral),
    acceptedAt: new Date().toISOString(),
    acceptedBy: officer,
  });
  return eventually(
    () => send<ReferralView>(DispatchSubjects.referralGet, { referralId: referral.id }),
    (r) => r.status === 'accepted',
  );
}

const assessment = (r: ReferralView, over: Partial<ViolenceRiskAssessedV1> = {}): ViolenceRiskAssessedV1 => ({
  ...facts(r),
  caseNumber: r.caseNumber,
  jurisdictionCode: '370781007201', // aDispute's 卢李村
  assessmentId: randomUUID(),
  grade: 'high',
  score: 70,
  factors: ['threats_of_harm', 'weapons_involved', 'escalating'],
  violenceRisk: true,
  raisesRiskTo: 'major',
  note: '一方扬言报复，持械对峙',
  assessedAt: new Date().toISOString(),
  assessedBy: officer,
  ...over,
});

const handOff = (r: ReferralView, toAgencyId: string): ReferralHandOffRequestedV1 => ({
  ...facts(r),
  toAgencyId,
  reason: '民间纠纷，移交驻所人民调解室调解',
  requestedAt: new Date().toISOString(),
  requestedBy: officer,
});

/** Waits until dispatch has handled (applied or skipped) the message. */
const applied = (messageId: string) =>
  eventually(
    async () =>
      (await dataSource.query('SELECT 1 FROM dispatch.inbox WHERE message_id = $1', [messageId])).length,
    (n) => n === 1,
  );

const stepsOf = async (caseId: string, step: string) =>
  (await getCase(caseId)).timeline.filter((t) => t.step === step);

beforeAll(async () => {
  dispatch = await startDispatch({ SLA_TIMER: 'off' });
  ({ stores, app, rpc, dataSource } = dispatch);
  // A committee in another district (潍城区), for the hand-off that must be refused.
  await dataSource.query(
    `INSERT INTO dispatch.jurisdictions (code, name, level, prefix, parent_code)
     VALUES ('370702000000', '潍城区', 'district', '370702', '370700000000') ON CONFLICT DO NOTHING`,
  );
  await dataSource.query(
    `INSERT INTO dispatch.agencies (id, name, kind, jurisdiction_code) VALUES ($1, '潍城区人民调解委员会', 'people', '370702000000')`,
    [FAR_COMMITTEE],
  );
});

afterAll(() => dispatch?.stop());

describe('a 民转刑 risk assessment', () => {
  it('raises the risk, flags 民转刑, makes the clocks urgent, and never lowers the risk again', async () => {
    const referral = await policeReferral();
    const [resolveBefore] = (await clocksOf(referral.id)).filter((c) => c.kind === 'resolve');
    expect(resolveBefore).toMatchObject({ urgency: 'normal', target: { amount: 15, unit: 'working_days' } });

    const high = assessment(referral);
    await stores.publish(ViolenceRiskAssessedV1, high);
    const raised = await eventually(
      () => getCase(referral.caseId),
      (c) => c.violenceRisk,
    );
    expect(raised.riskLevel).toBe('major');
    const steps = raised.timeline.map((t) => t.step);
    expect(steps.slice(steps.indexOf('violence_risk_assessed'))).toEqual([
      'violence_risk_assessed',
      'case_risk_changed',
      'case_flagged',
    ]);
    expect(raised.timeline.find((t) => t.step === 'violence_risk_assessed')).toMatchObject({
      summary:
        '民转刑风险评估：青州市公安局黄楼派出所评为高风险（70分），风险等级升至重大，标记民转刑。一方扬言报复，持械对峙',
      actorName: officer.name,
      agencyName: '青州市公安局黄楼派出所',
    });
    const [resolveAfter] = (await clocksOf(referral.id)).filter((c) => c.kind === 'resolve');
    expect(resolveAfter).toMatchObject({
      id: resolveBefore.id,
      urgency: 'urgent',
      target: { amount: 5, unit: 'working_days' },
    });
    const flagged = await eventually(
      () => stores.events<CaseFlaggedV1>(CaseFlaggedV1.subject),
      (es) => es.some((e) => e.caseId === referral.caseId),
    );
    expect(flagged.filter((e) => e.caseId === referral.caseId)).toEqual([
      expect.objectContaining({ flag: 'violence_risk' }),
    ]);

    // A later assessment naming a lower level, and the first one redelivered: the risk stays.
    await stores.publish(ViolenceRiskAssessedV1, high);
    await stores.publish(
      ViolenceRiskAssessedV1,
      assessment(referral, { raisesRiskTo: 'serious', score: 65 }),
    );
    const later = await eventually(
      () => stepsOf(referral.caseId, 'violence_risk_assessed'),
      (s) => s.length === 2,
    );
    expect(later[1].summary).toContain('案件已标记民转刑，风险等级不变');
    const kase = await getCase(referral.caseId);
    expect([kase.riskLevel, kase.violenceRisk]).toEqual(['major', true]);
    expect(kase.timeline.filter((t) => t.step === 'case_risk_changed')).toHaveLength(1);
  });

  it('keeps a higher risk level and only adds the flag', async () => {
    const referral = await policeReferral({ riskLevel: 'especially_major' });
    await stores.publish(ViolenceRiskAssessedV1, assessment(referral, { raisesRiskTo: 'major' }));
    const kase = await eventually(
      () => getCase(referral.caseId),
      (c) => c.violenceRisk,
    );
    expect(kase.riskLevel).toBe('especially_major');
    expect(kase.timeline.find((t) => t.step === 'violence_risk_assessed')!.summary).toContain(
      '风险等级维持特别重大，标记民转刑',
    );
  });

  it('puts a low or medium grade on the timeline and changes nothing else', async () => {
    const referral = await policeReferral();
    const clocks = await clocksOf(referral.id);
    await stores.publish(
      ViolenceRiskAssessedV1,
      assessment(referral, { grade: 'medium', score: 40, violenceRisk: false, raisesRiskTo: undefined }),
    );
    const [entry] = await eventually(
      () => stepsOf(referral.caseId, 'violence_risk_assessed'),
      (s) => s.length === 1,
    );
    expect(entry.summary).toBe(
      '民转刑风险评估：青州市公安局黄楼派出所评为中风险（40分）。一方扬言报复，持械对峙',
    );
    const kase = await getCase(referral.caseId);
    expect([kase.riskLevel, kase.violenceRisk]).toEqual(['general', false]);
    expect(kase.timeline.some((t) => t.step === 'case_flagged' || t.step === 'case_risk_changed')).toBe(
      false,
    );
    expect(await clocksOf(referral.id)).toEqual(clocks);
  });
});

describe('警调对接', () => {
  it('transfers the police referral to the committee stationed with it', async () => {
    const referral = await policeReferral();
    const request = handOff(referral, COMMITTEE);
    await stores.publish(ReferralHandOffRequestedV1, request);
    const kase = await eventually(
      () => getCase(referral.caseId),
      (c) => c.referrals.length === 2,
    );
    const [old, fresh] = kase.referrals;
    expect(old).toMatchObject({ id: referral.id, status: 'transferred', transferredToId: fresh.id });
    expect(fresh).toMatchObject({
      agencyId: COMMITTEE,
      agencyKind: 'people',
      status: 'issued',
      role: 'lead',
    });
    expect(kase.status).toBe('referred');
    expect(kase.timeline.find((t) => t.step === 'referral_transferred')).toMatchObject({
      summary: '转办：由青州市公安局黄楼派出所转出。警调对接：民间纠纷，移交驻所人民调解室调解',
      actorName: officer.name,
    });
    const transferred = await eventually(
      () => stores.events<ReferralTransferredV1>(ReferralTransferredV1.subject),
      (es) => es.some((e) => e.referralId === referral.id),
    );
    expect(transferred.find((e) => e.referralId === referral.id)).toMatchObject({
      agencyKind: 'police',
      toReferralId: fresh.id,
      toAgencyId: COMMITTEE,
      transferredBy: { id: officer.id },
    });
    expect((await clocksOf(referral.id)).every((c) => c.state === 'stopped')).toBe(true);

    // Redelivered: already handed to that committee, nothing more.
    await applied(await stores.publish(ReferralHandOffRequestedV1, request));
    const after = await getCase(referral.caseId);
    expect(after.referrals).toHaveLength(2);
    expect(after.timeline.some((t) => t.step === 'hand_off_failed')).toBe(false);
  });

  it('refuses a committee in another district, or an agency that is not a committee, on the timeline', async () => {
    const referral = await policeReferral();
    await stores.publish(ReferralHandOffRequestedV1, handOff(referral, FAR_COMMITTEE));
    const [far] = await eventually(
      () => stepsOf(referral.caseId, 'hand_off_failed'),
      (s) => s.length === 1,
    );
    expect(far).toMatchObject({
      summary: '警调对接失败：潍城区人民调解委员会不在青州市公安局黄楼派出所所在区县',
      agencyName: '青州市公安局黄楼派出所',
    });
    await stores.publish(ReferralHandOffRequestedV1, handOff(referral, DEMO_AGENCY.huanglouJudicial));
    const failed = await eventually(
      () => stepsOf(referral.caseId, 'hand_off_failed'),
      (s) => s.length === 2,
    );
    expect(failed[1].summary).toBe('警调对接失败：青州市司法局黄楼司法所不是人民调解组织');
    const kase = await getCase(referral.caseId);
    expect(kase.referrals).toEqual([expect.objectContaining({ id: referral.id, status: 'accepted' })]);
  });

  it('records a refusal of the transfer rules themselves instead of failing the event', async () => {
    // The committee already holds an open referral on the case: the transfer is refused (409), undone, noted.
    const referral = await policeReferral();
    await send<ReferralView>(DispatchSubjects.referralIssue, {
      caseId: referral.caseId,
      agencyId: COMMITTEE,
      role: 'co',
    });
    await stores.publish(ReferralHandOffRequestedV1, handOff(referral, COMMITTEE));
    const [entry] = await eventually(
      () => stepsOf(referral.caseId, 'hand_off_failed'),
      (s) => s.length === 1,
    );
    expect(entry.summary).toMatch(/^警调对接失败：案件 .* 已派给黄楼街道人民调解委员会，尚未办结$/);
    const kase = await getCase(referral.caseId);
    expect(kase.referrals.find((r) => r.id === referral.id)).toMatchObject({ status: 'accepted' });
    expect((await clocksOf(referral.id)).filter((c) => c.state !== 'stopped').length).toBeGreaterThan(0);
  });
});

describe('a case a police station registers and settles on the spot (当场调处)', () => {
  const onTheSpot = (recordId: string, over: object = {}) => ({
    ...aDispute({
      channel: 'call_110',
      incidentNumber: 'J3707812026112300012',
      title: '邻里噪音纠纷',
      ...over,
    }),
    idempotencyKey: recordId,
  });

  it('registers within the station’s own area, once per record, and the station sees its case', async () => {
    const recordId = randomUUID();
    const kase = await as<CaseView>(officer, DispatchSubjects.caseRegister, onTheSpot(recordId));
    expect(kase).toMatchObject({
      status: 'registered',
      channel: 'call_110',
      incidentNumber: 'J3707812026112300012',
      firstOwner: { id: officer.id, agencyId: STATION },
    });
    const again = await as<CaseView>(officer, DispatchSubjects.caseRegister, onTheSpot(recordId));
    expect(again.id).toBe(kase.id);
    expect((await as<CaseView>(officer, DispatchSubjects.caseGet, { caseId: kase.id })).id).toBe(kase.id);
    // A 警务助理 of the station registers a patrol find in a village of its area.
    const patrol = await as<CaseView>(
      assistant,
      DispatchSubjects.caseRegister,
      onTheSpot(randomUUID(), {
        channel: 'patrol',
        incidentNumber: undefined,
        jurisdictionCode: '370781007202',
      }),
    );
    expect(patrol.jurisdictionCode).toBe('370781007202');
  });

  it('refuses a place outside the station’s area (403), another intake channel (422) and non-police agencies (403)', async () => {
    const outside = await failure(
      as(
        officer,
        DispatchSubjects.caseRegister,
        onTheSpot(randomUUID(), { jurisdictionCode: '370781001025' }),
      ),
    );
    expect([outside.status, outside.messageZh]).toEqual([
      403,
      '辖区 370781001025 不在青州市公安局黄楼派出所管辖范围内',
    ]);
    const channel = await failure(
      as(officer, DispatchSubjects.caseRegister, onTheSpot(randomUUID(), { channel: 'hotline_12345' })),
    );
    expect([channel.status, channel.fields?.[0].field]).toEqual([422, 'channel']);
    const judicial = await failure(as(judicialClerk, DispatchSubjects.caseRegister, onTheSpot(randomUUID())));
    expect(judicial.status).toBe(403);
    const noIncident = await failure(
      as(officer, DispatchSubjects.caseRegister, onTheSpot(randomUUID(), { incidentNumber: undefined })),
    );
    expect([noIncident.status, noIncident.fields?.[0].field]).toEqual([422, 'incidentNumber']);
  });

  it('resolves the registered case at its level when the station settles it, once', async () => {
    const recordId = randomUUID();
    const kase = await as<CaseView>(officer, DispatchSubjects.caseRegister, onTheSpot(recordId));
    const settled: OnTheSpotSettledV1 = {
      recordId,
      caseId: kase.id,
      agencyId: STATION,
      agencyKind: 'police',
      incidentNumber: 'J3707812026112300012',
      agreementSummary: '楼上住户承诺晚十点后不再装修，双方握手言和',
      settledAt: new Date().toISOString(),
      settledBy: assistant,
    };
    await stores.publish(OnTheSpotSettledV1, settled);
    const resolved = await eventually(
      () => getCase(kase.id),
      (c) => c.status === 'resolved',
    );
    expect(resolved.ladder).toMatchObject({ level: 1, startLevel: 1, closedLevel: 1 });
    expect(resolved.referrals).toEqual([]);
    expect(resolved.timeline.filter((t) => t.step === 'on_the_spot_settled')).toEqual([
      expect.objectContaining({
        summary:
          '当场调处化解（青州市公安局黄楼派出所，警情 J3707812026112300012）：楼上住户承诺晚十点后不再装修，双方握手言和',
        actorName: assistant.name,
      }),
    ]);
    const changes = await eventually(
      () => stores.events<CaseStatusChangedV1>(CaseStatusChangedV1.subject),
      (es) => es.some((e) => e.caseId === kase.id),
    );
    expect(changes.filter((e) => e.caseId === kase.id)).toEqual([
      expect.objectContaining({ from: 'registered', to: 'resolved' }),
    ]);

    await stores.publish(OnTheSpotSettledV1, settled);
    await stores.publish(OnTheSpotSettledV1, { ...settled, settledAt: new Date().toISOString() });
    await eventually(
      () => stepsOf(kase.id, 'on_the_spot_refused'),
      (s) => s.length === 1,
    );
    expect(await stepsOf(kase.id, 'on_the_spot_settled')).toHaveLength(1);
  });

  it('leaves a case that was referred in the meantime to its referral, with a note', async () => {
    const kase = await as<CaseView>(officer, DispatchSubjects.caseRegister, onTheSpot(randomUUID()));
    await send<ReferralView>(DispatchSubjects.referralIssue, { caseId: kase.id, agencyId: COMMITTEE });
    await stores.publish(OnTheSpotSettledV1, {
      recordId: randomUUID(),
      caseId: kase.id,
      agencyId: STATION,
      agencyKind: 'police',
      agreementSummary: '双方和解',
      settledAt: new Date().toISOString(),
      settledBy: officer,
    });
    const [note] = await eventually(
      () => stepsOf(kase.id, 'on_the_spot_refused'),
      (s) => s.length === 1,
    );
    expect(note.summary).toBe('当场调处未能结案：案件已派单，须由承办单位办结。调处情况：双方和解');
    expect((await getCase(kase.id)).status).toBe('referred');
  });
});

describe("the parties' lookup hashes (dispatch.case.party_lookup.v1)", () => {
  it('gives an agency holding a referral names and hashes equal to lookupHash, never the clear numbers', async () => {
    const idNumber = '11010519491231002X';
    const phone = '13812345678';
    const kase = await send<CaseView>(
      DispatchSubjects.caseRegister,
      aDispute({
        parties: [
          { kind: 'person', role: 'applicant', name: '王某', idNumber, phone },
          { kind: 'person', role: 'respondent', name: '李某' },
        ],
      }),
    );
    const referral = await send<ReferralView>(DispatchSubjects.referralIssue, {
      caseId: kase.id,
      agencyId: COMMITTEE,
    });
    const cipher = app.get(PersonalDataCipher);
    const view = await as<CasePartyLookupView>(committeeClerk, DispatchSubjects.casePartyLookup, {
      caseId: kase.id,
    });
    expect(view).toEqual({
      caseId: kase.id,
      parties: [
        {
          position: 0,
          name: '王某',
          kind: 'person',
          role: 'applicant',
          nameHash: cipher.lookupHash('王某'),
          idNumberHash: cipher.lookupHash(idNumber),
        },
        {
          position: 1,
          name: '李某',
          kind: 'person',
          role: 'respondent',
          nameHash: cipher.lookupHash('李某'),
        },
      ],
    });
    expect(JSON.stringify(view)).not.toContain(idNumber);
    expect(JSON.stringify(view)).not.toContain(phone);

    // Any status: after the agency returned it, it still held it.
    await dataSource.query(`UPDATE dispatch.referrals SET status = 'returned' WHERE id = $1`, [referral.id]);
    expect(
      (await as<CasePartyLookupView>(committeeClerk, DispatchSubjects.casePartyLookup, { caseId: kase.id }))
        .parties,
    ).toHaveLength(2);
  });

  it('answers 404 to an agency without a referral on the case and 403 to other roles', async () => {
    const kase = await send<CaseView>(DispatchSubjects.caseRegister, aDispute());
    await send<ReferralView>(DispatchSubjects.referralIssue, { caseId: kase.id, agencyId: COMMITTEE });
    const other = await failure(as(lawyerClerk, DispatchSubjects.casePartyLookup, { caseId: kase.id }));
    expect(other.status).toBe(404);
    const unknown = await failure(
      as(committeeClerk, DispatchSubjects.casePartyLookup, { caseId: randomUUID() }),
    );
    expect(unknown.status).toBe(404);
    const coordinator = await failure(send(DispatchSubjects.casePartyLookup, { caseId: kase.id }));
    expect(coordinator.status).toBe(403);
  });
});
