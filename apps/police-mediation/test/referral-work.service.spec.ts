import { randomUUID } from 'node:crypto';
import {
  PoliceSubjects,
  ReferralHandOffRequestedV1,
  ReferralTransferredV1,
  ViolenceRiskAssessedV1,
  type HandOffView,
  type IncidentLinkView,
  type InboxReferralView,
  type OnTheSpotMediationView,
  type Page,
  type StationedCommitteeView,
  type ViolenceRiskAssessmentView,
} from '@fengqiao/contracts';
import { DEMO_AGENCY, eventually, TEST_ACTOR } from '@fengqiao/testing';
import {
  answer,
  ASSISTANT,
  CLERK,
  COMMITTEE,
  FAR_COMMITTEE,
  HUANGLOU_COORDINATOR,
  refusal,
  STATION,
  WANGFU_CLERK,
  WANGFU_COORDINATOR,
  PoliceHarness,
} from './police.harness';

const h = PoliceHarness.forThisFile();

const inboxRow = async (referralId: string): Promise<InboxReferralView | undefined> =>
  (await h.inbox()).items.find((r) => r.id === referralId);

describe('民转刑 risk assessment', () => {
  const assess = (referralId: string, factors: string[], actor = ASSISTANT) =>
    h.send<ViolenceRiskAssessmentView>(
      PoliceSubjects.violenceRiskAssess,
      { referralId, factors, note: '现场走访评估' },
      actor,
    );
  const assessedEvents = (referralId: string, count = 1) =>
    h.published<ViolenceRiskAssessedV1>(
      ViolenceRiskAssessedV1.subject,
      (e) => e.referralId === referralId,
      count,
    );

  it('grades a medium risk without raising anything, and reports it', async () => {
    const referral = await h.referral();
    const view = await assess(referral.referralId, ['threats_of_harm', 'alcohol_or_drugs']);
    expect(view).toMatchObject({
      referralId: referral.referralId,
      caseId: referral.caseId,
      agencyId: STATION,
      factors: ['threats_of_harm', 'alcohol_or_drugs'],
      score: 40,
      grade: 'medium',
      violenceRisk: false,
      note: '现场走访评估',
      assessedBy: { id: ASSISTANT.id, name: ASSISTANT.name },
    });
    expect(view.raisesRiskTo).toBeUndefined();
    expect(await inboxRow(referral.referralId)).toMatchObject({ riskLevel: 'general', violenceRisk: false });
    const [event] = await assessedEvents(referral.referralId);
    expect(event).toEqual({
      referralId: referral.referralId,
      caseId: referral.caseId,
      agencyId: STATION,
      agencyKind: 'police',
      caseNumber: referral.caseNumber,
      jurisdictionCode: referral.jurisdictionCode,
      assessmentId: view.id,
      grade: 'medium',
      score: 40,
      factors: ['threats_of_harm', 'alcohol_or_drugs'],
      violenceRisk: false,
      note: '现场走访评估',
      assessedAt: view.assessedAt,
      assessedBy: ASSISTANT,
    });
  });

  it('flags a high grade 民转刑 and raises the inbox row at once, so the station sees it first', async () => {
    const older = await h.referral({
      riskLevel: 'serious',
      issuedAt: new Date(Date.now() - 60_000).toISOString(),
    });
    const referral = await h.referral({ issuedAt: new Date(Date.now() - 3600_000).toISOString() });
    const high = await assess(referral.referralId, ['threats_of_harm', 'prior_violence', 'escalating']);
    expect(high).toMatchObject({ score: 65, grade: 'high', violenceRisk: true, raisesRiskTo: 'major' });
    expect(await inboxRow(referral.referralId)).toMatchObject({ violenceRisk: true, riskLevel: 'major' });
    const order = (await h.inbox()).items.map((r) => r.id);
    expect(order.indexOf(referral.referralId)).toBeLessThan(order.indexOf(older.referralId));
    expect((await assessedEvents(referral.referralId))[0]).toMatchObject({
      grade: 'high',
      score: 65,
      violenceRisk: true,
      raisesRiskTo: 'major',
    });

    // From 80: 特别重大. A later, milder high grade never lowers it again.
    const graver = await assess(referral.referralId, [
      'threats_of_harm',
      'weapons_involved',
      'prior_violence',
    ]);
    expect(graver).toMatchObject({ score: 80, raisesRiskTo: 'especially_major' });
    await assess(referral.referralId, ['threats_of_harm', 'weapons_involved']);
    await assess(referral.referralId, []);
    expect(await inboxRow(referral.referralId)).toMatchObject({
      violenceRisk: true,
      riskLevel: 'especially_major',
    });
    expect((await assessedEvents(referral.referralId, 4)).map((e) => [e.score, e.grade])).toEqual([
      [65, 'high'],
      [80, 'high'],
      [60, 'high'],
      [0, 'low'],
    ]);
  });

  it("never lowers a referral's risk that dispatch set higher", async () => {
    const referral = await h.referral({ riskLevel: 'especially_major' });
    await assess(referral.referralId, ['weapons_involved', 'extreme_statements', 'vulnerable_party']);
    expect(await inboxRow(referral.referralId)).toMatchObject({
      riskLevel: 'especially_major',
      violenceRisk: true,
    });
  });

  it("lists a referral's assessments, the latest first, filtered by grade", async () => {
    const referral = await h.referral();
    const low = await assess(referral.referralId, ['repeated_conflict']);
    const high = await assess(referral.referralId, ['threats_of_harm', 'weapons_involved']);
    const list = (query: object = {}) =>
      h.send<Page<ViolenceRiskAssessmentView>>(PoliceSubjects.violenceRiskList, {
        referralId: referral.referralId,
        ...query,
      });
    expect((await list()).items.map((a) => a.id)).toEqual([high.id, low.id]);
    expect((await list({ grade: 'low' })).items.map((a) => a.id)).toEqual([low.id]);
    expect((await list({ pageSize: 1, page: 2 })).items.map((a) => a.id)).toEqual([low.id]);
    const stranger = await refusal(
      h.send(PoliceSubjects.violenceRiskList, { referralId: referral.referralId }, WANGFU_CLERK),
    );
    expect(stranger.status).toBe(404);
  });

  it('names an unknown factor (422), refuses a referral not in hand (409) or not its own (404)', async () => {
    const referral = await h.referral();
    const unknown = await refusal(assess(referral.referralId, ['threats_of_harm', 'knife']));
    expect(answer(unknown)).toEqual([422, ['factors[1]']]);
    expect(unknown.fields?.[0].reasonZh).toBe('knife 不是民转刑风险评估表中的因素');
    expect(answer(await refusal(assess(referral.referralId, ['escalating', 'escalating'])))).toEqual([
      400,
      ['factors'],
    ]);
    const issued = await h.referral({}, false);
    const early = await refusal(assess(issued.referralId, ['escalating']));
    expect([early.status, early.messageZh]).toEqual([
      409,
      '派单待签收，不能进行民转刑风险评估（只有已签收或办理中的派单可以进行民转刑风险评估）',
    ]);
    expect((await refusal(assess(referral.referralId, ['escalating'], WANGFU_CLERK))).status).toBe(404);
    expect((await refusal(assess(referral.referralId, ['escalating'], TEST_ACTOR))).status).toBe(404);
    // Nothing was recorded by the refused calls.
    const none = await h.send<Page<ViolenceRiskAssessmentView>>(PoliceSubjects.violenceRiskList, {
      referralId: referral.referralId,
    });
    expect(none.total).toBe(0);
  });
});

describe('警调对接 (hand-off to the stationed committee)', () => {
  const setCommittee = (committeeAgencyId: string, actor = CLERK, agencyId = STATION) =>
    h.send<StationedCommitteeView>(
      PoliceSubjects.stationedCommitteeSet,
      { agencyId, committeeAgencyId },
      actor,
    );
  const handOff = (referralId: string, actor = CLERK) =>
    h.send<HandOffView>(
      PoliceSubjects.referralHandOff,
      { referralId, reason: '邻里纠纷，适宜由驻所人民调解员调解' },
      actor,
    );

  it('refuses a hand-off while the station has no stationed committee (422)', async () => {
    const wangfu = await h.referral({ agencyId: DEMO_AGENCY.wangfuPolice });
    const refused = await refusal(handOff(wangfu.referralId, WANGFU_CLERK));
    expect(answer(refused)).toEqual([422, ['stationedCommittee']]);
    expect(refused.fields?.[0].reasonZh).toBe('本所未设驻所调解室');
    const none = await refusal(
      h.send(PoliceSubjects.stationedCommitteeGet, { agencyId: DEMO_AGENCY.wangfuPolice }, WANGFU_CLERK),
    );
    expect(none.status).toBe(404);
  });

  it("sets the stationed committee: a people's mediation committee of the station's district, by its staff only", async () => {
    expect(answer(await refusal(setCommittee(DEMO_AGENCY.huanglouJudicial)))).toEqual([
      422,
      ['committeeAgencyId'],
    ]);
    expect(answer(await refusal(setCommittee(FAR_COMMITTEE)))).toEqual([422, ['committeeAgencyId']]);
    expect(answer(await refusal(setCommittee(randomUUID())))).toEqual([422, ['committeeAgencyId']]);
    expect((await refusal(setCommittee(COMMITTEE, ASSISTANT))).status).toBe(403);
    expect((await refusal(setCommittee(COMMITTEE, WANGFU_CLERK))).status).toBe(403);
    expect((await refusal(setCommittee(COMMITTEE, HUANGLOU_COORDINATOR))).status).toBe(403);

    const set = await setCommittee(COMMITTEE);
    expect(set).toMatchObject({
      stationAgencyId: STATION,
      committeeAgencyId: COMMITTEE,
      committeeName: '黄楼街道人民调解委员会',
      setBy: { id: CLERK.id, name: CLERK.name },
    });
    const get = (actor = ASSISTANT) =>
      h.send<StationedCommitteeView>(PoliceSubjects.stationedCommitteeGet, { agencyId: STATION }, actor);
    expect(await get()).toEqual(set);
    expect(await get(HUANGLOU_COORDINATOR)).toEqual(set);
    expect((await refusal(get(WANGFU_COORDINATOR))).status).toBe(403);
  });

  it('hands a referral in hand to the committee once, and lets the transfer that comes back take it out of the inbox', async () => {
    await setCommittee(COMMITTEE);
    const referral = await h.referral();
    const view = await handOff(referral.referralId, ASSISTANT);
    expect(view).toMatchObject({
      referralId: referral.referralId,
      caseId: referral.caseId,
      fromAgencyId: STATION,
      toAgencyId: COMMITTEE,
      toAgencyName: '黄楼街道人民调解委员会',
      reason: '邻里纠纷，适宜由驻所人民调解员调解',
      requestedBy: { id: ASSISTANT.id, name: ASSISTANT.name },
    });
    expect(
      await h.published<ReferralHandOffRequestedV1>(
        ReferralHandOffRequestedV1.subject,
        (e) => e.referralId === referral.referralId,
      ),
    ).toEqual([
      {
        referralId: referral.referralId,
        caseId: referral.caseId,
        agencyId: STATION,
        agencyKind: 'police',
        toAgencyId: COMMITTEE,
        reason: '邻里纠纷，适宜由驻所人民调解员调解',
        requestedAt: view.requestedAt,
        requestedBy: ASSISTANT,
      },
    ]);
    const twice = await refusal(handOff(referral.referralId));
    expect([twice.status, twice.messageZh]).toEqual([409, '该派单已申请警调对接，等待调度中心转办']);

    // Dispatch transfers it (转办); the kit applies that to the inbox row.
    await h.stores.publish(ReferralTransferredV1, {
      referralId: referral.referralId,
      caseId: referral.caseId,
      agencyId: STATION,
      agencyKind: 'police',
      toReferralId: randomUUID(),
      toAgencyId: COMMITTEE,
      reason: `警调对接：${view.reason}`,
      transferredAt: new Date().toISOString(),
      transferredBy: TEST_ACTOR,
    });
    const moved = await eventually(
      () => inboxRow(referral.referralId),
      (r) => r?.status === 'transferred',
    );
    expect(moved).toMatchObject({ status: 'transferred', transferredToAgencyId: COMMITTEE });
  });

  it('hands off only a referral in hand (409) and only its own (404)', async () => {
    await setCommittee(COMMITTEE);
    const issued = await h.referral({}, false);
    const early = await refusal(handOff(issued.referralId));
    expect([early.status, early.messageZh]).toEqual([
      409,
      '派单待签收，不能警调对接（只有已签收或办理中的派单可以警调对接）',
    ]);
    const closed = await h.referral();
    await h.send(h.police.referralClose, {
      referralId: closed.referralId,
      outcome: 'withdrawn',
      note: '当事人撤回',
    });
    expect((await refusal(handOff(closed.referralId))).status).toBe(409);
    expect((await refusal(handOff(issued.referralId, WANGFU_CLERK))).status).toBe(404);
    expect(
      answer(await refusal(h.send(PoliceSubjects.referralHandOff, { referralId: issued.referralId }))),
    ).toEqual([400, ['reason']]);
  });
});

describe('110 警情 linked to a referral', () => {
  const link = (
    referralId: string,
    incidentNumber: string,
    actor = CLERK,
    receivedAt = new Date(Date.now() - 600_000).toISOString(),
  ) =>
    h.send<IncidentLinkView>(PoliceSubjects.incidentLink, { referralId, incidentNumber, receivedAt }, actor);
  const incidentsOf = (referralId: string) =>
    h.send<Page<IncidentLinkView>>(PoliceSubjects.incidentList, { referralId });
  let seq = 0;
  const aNumber = () => `J37078120261124${String(++seq).padStart(5, '0')}`;

  it("links a 110 incident to the referral's case, once: linking it again changes nothing", async () => {
    const referral = await h.referral({}, false);
    const number = aNumber();
    const linked = await link(referral.referralId, number.toLowerCase(), ASSISTANT);
    expect(linked).toMatchObject({
      incidentNumber: number,
      caseId: referral.caseId,
      referralId: referral.referralId,
      agencyId: STATION,
      linkedBy: { id: ASSISTANT.id },
    });
    expect(await link(referral.referralId, number)).toEqual(linked);
    const second = await link(referral.referralId, aNumber());
    expect((await incidentsOf(referral.referralId)).items.map((l) => l.incidentNumber).sort()).toEqual(
      [number, second.incidentNumber].sort(),
    );
  });

  it('answers 409 for an incident already linked to another case, or claimed by an on-the-spot record', async () => {
    const first = await h.referral();
    const other = await h.referral();
    const number = aNumber();
    await link(first.referralId, number);
    const taken = await refusal(link(other.referralId, number));
    expect([taken.status, taken.messageZh]).toEqual([
      409,
      `110警情 ${number} 已关联其他案件，一个警情只能关联一个案件`,
    ]);

    const onTheSpot = await h.send<OnTheSpotMediationView>(PoliceSubjects.onTheSpotRecord, {
      agencyId: STATION,
      channel: 'call_110',
      incidentNumber: aNumber(),
      occurredAt: new Date(Date.now() - 3600_000).toISOString(),
      place: '卢李村村委会门前',
      jurisdictionCode: '370781007201',
      disputeType: 'neighbour',
      title: '邻里口角',
      parties: [{ kind: 'person', role: 'applicant', name: '赵某' }],
      summary: '双方口角，当场劝解',
      riskLevel: 'general',
      violenceRisk: false,
      outcome: 'settled',
      agreementSummary: '双方互相道歉',
    });
    expect((await refusal(link(other.referralId, onTheSpot.incidentNumber!))).status).toBe(409);
    // The same referral's case keeps only its own incidents.
    expect((await incidentsOf(other.referralId)).total).toBe(0);
  });

  it('answers 422 for a malformed number or a call received in the future, 404 for another station', async () => {
    const referral = await h.referral();
    expect(answer(await refusal(link(referral.referralId, '警情-01')))).toEqual([422, ['incidentNumber']]);
    const tomorrow = new Date(Date.now() + 86400_000).toISOString();
    expect(answer(await refusal(link(referral.referralId, aNumber(), CLERK, tomorrow)))).toEqual([
      422,
      ['receivedAt'],
    ]);
    expect((await refusal(link(referral.referralId, aNumber(), WANGFU_CLERK))).status).toBe(404);
    expect(answer(await refusal(link(referral.referralId, '', CLERK, 'yesterday')))).toEqual([
      400,
      ['incidentNumber', 'receivedAt'],
    ]);
    expect((await incidentsOf(referral.referralId)).total).toBe(0);
  });
});
