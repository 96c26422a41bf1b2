import { randomUUID } from 'node:crypto';
import {
  OnTheSpotSettledV1,
  PoliceSubjects,
  type OnTheSpotMediationView,
  type Page,
} from '@fengqiao/contracts';
import {
  answer,
  ASSISTANT,
  CLERK,
  HUANGLOU_COORDINATOR,
  refusal,
  STATION,
  WANGFU_CLERK,
  WANGFU_COORDINATOR,
  PoliceHarness,
} from './police.harness';

const h = PoliceHarness.forThisFile();

const ID_NUMBER = '11010519491231002X';
const PHONE = '13812345678';
let incidents = 0;
/** A 110 call every time: each record claims its own incident number. */
const nextIncident = () => `J3707812026112300${String(++incidents).padStart(3, '0')}`;

/** A settled 110 dispute at the lowest level; override what a test needs. */
const aRecord = (over: object = {}) => ({
  agencyId: STATION,
  channel: 'call_110',
  incidentNumber: nextIncident(),
  occurredAt: new Date(Date.now() - 3600_000).toISOString(),
  place: '黄楼街道卢李村3号门前',
  jurisdictionCode: '370781007201',
  disputeType: 'neighbour',
  title: '邻里停车纠纷',
  parties: [
    { kind: 'person', role: 'applicant', name: '王某', idNumber: ID_NUMBER, phone: PHONE },
    { kind: 'person', role: 'respondent', name: '李某' },
  ],
  summary: '双方因门前停车发生口角，民警到场后分别做工作。',
  riskLevel: 'general',
  violenceRisk: false,
  outcome: 'settled',
  agreementSummary: '双方同意各自车辆停放于自家门前，互不占道',
  ...over,
});

const record = (body: object, actor = CLERK) =>
  h.send<OnTheSpotMediationView>(PoliceSubjects.onTheSpotRecord, body, actor);
const list = (query: object = {}, actor = CLERK) =>
  h.send<Page<OnTheSpotMediationView>>(
    PoliceSubjects.onTheSpotList,
    { agencyId: STATION, pageSize: 100, ...query },
    actor,
  );
const settledEvents = (recordId: string, count = 1) =>
  h.published<OnTheSpotSettledV1>(OnTheSpotSettledV1.subject, (e) => e.recordId === recordId, count);

describe('当场调处 (on-the-spot mediation)', () => {
  it('records a settled dispute, has dispatch register its case as the officer, and reports the settlement', async () => {
    const body = aRecord({ incidentNumber: ' j3707812026112300999 ' });
    const view = await record(body, ASSISTANT);
    expect(view).toMatchObject({
      agencyId: STATION,
      status: 'registered',
      incidentNumber: 'J3707812026112300999',
      channel: 'call_110',
      jurisdictionCode: '370781007201',
      outcome: 'settled',
      agreementSummary: '双方同意各自车辆停放于自家门前，互不占道',
      recordedBy: { id: ASSISTANT.id, name: ASSISTANT.name },
    });
    expect(view.parties).toEqual([
      {
        kind: 'person',
        role: 'applicant',
        name: '王某',
        idNumber: '1101**********002X',
        phone: '138****5678',
      },
      { kind: 'person', role: 'respondent', name: '李某' },
    ]);
    expect(view.caseNumber).toMatch(/^370781-2026-\d{6}$/);

    // Dispatch was asked once, as the 警务助理, with the record's id as the key and the clear numbers.
    const [asked] = h.dispatch.registrationsOf(view.id);
    expect(h.dispatch.registrationsOf(view.id)).toHaveLength(1);
    expect(asked.actor).toEqual(ASSISTANT);
    expect(asked.body).toMatchObject({
      title: '邻里停车纠纷',
      description: body.summary,
      channel: 'call_110',
      incidentNumber: 'J3707812026112300999',
      jurisdictionCode: '370781007201',
      riskLevel: 'general',
      violenceRisk: false,
      address: '黄楼街道卢李村3号门前',
      idempotencyKey: view.id,
    });
    expect(asked.body.parties[0]).toEqual({
      kind: 'person',
      role: 'applicant',
      name: '王某',
      idNumber: ID_NUMBER,
      phone: PHONE,
    });

    expect(await settledEvents(view.id)).toEqual([
      {
        recordId: view.id,
        caseId: view.caseId,
        agencyId: STATION,
        agencyKind: 'police',
        incidentNumber: 'J3707812026112300999',
        agreementSummary: '双方同意各自车辆停放于自家门前，互不占道',
        settledAt: view.recordedAt,
        settledBy: ASSISTANT,
      },
    ]);

    // Kept encrypted: the clear numbers are nowhere in the row.
    const [row] = await h.query<Record<string, string>>(
      'SELECT * FROM police_mediation.on_the_spot_parties WHERE record_id = $1 AND position = 0',
      [view.id],
    );
    expect(JSON.stringify(row)).not.toContain(ID_NUMBER.slice(6, 14));
    expect(JSON.stringify(row)).not.toContain(PHONE);
    expect(row.id_number_encrypted).toMatch(/^v1:/);
  });

  it('finds a record by its 110 incident number however it is typed, and gets it by id', async () => {
    const view = await record(aRecord());
    const found = await list({ incidentNumber: view.incidentNumber!.toLowerCase() });
    expect(found.items.map((r) => r.id)).toEqual([view.id]);
    expect(await h.send(PoliceSubjects.onTheSpotGet, { agencyId: STATION, recordId: view.id })).toEqual(view);
    const missing = await refusal(
      h.send(PoliceSubjects.onTheSpotGet, { agencyId: STATION, recordId: randomUUID() }),
    );
    expect(missing.status).toBe(404);
  });

  it('settles on the spot only at the lowest level: 一般 risk and no 民转刑 risk, else 422', async () => {
    const before = (await list()).total;
    const asked = h.dispatch.registrations.length;
    const major = await refusal(record(aRecord({ riskLevel: 'major' })));
    expect(answer(major)).toEqual([422, ['riskLevel']]);
    expect(major.fields?.[0].reasonZh).toBe('较大以上风险或有民转刑风险的纠纷不能当场了结，须登记派单');
    expect(answer(await refusal(record(aRecord({ violenceRisk: true }))))).toEqual([422, ['violenceRisk']]);
    expect(answer(await refusal(record(aRecord({ riskLevel: 'serious', violenceRisk: true }))))).toEqual([
      422,
      ['riskLevel', 'violenceRisk'],
    ]);
    // Nothing was written, and dispatch was not asked.
    expect((await list()).total).toBe(before);
    expect(h.dispatch.registrations).toHaveLength(asked);
  });

  it('records a serious dispute it could not settle: the case is registered for dispatch, and no settlement is reported', async () => {
    const open = await record(
      aRecord({
        channel: 'patrol',
        incidentNumber: undefined,
        riskLevel: 'major',
        violenceRisk: true,
        outcome: 'not_settled',
        agreementSummary: undefined,
      }),
    );
    expect(open).toMatchObject({ status: 'registered', outcome: 'not_settled', riskLevel: 'major' });
    expect(open.agreementSummary).toBeUndefined();
    expect(h.dispatch.registrationsOf(open.id)[0].body).toMatchObject({
      channel: 'patrol',
      riskLevel: 'major',
      violenceRisk: true,
    });
    // The outbox relays in commit order: once a later settlement is out, one for `open` would be too.
    const later = await record(aRecord());
    await settledEvents(later.id);
    expect(await settledEvents(open.id, 0)).toEqual([]);
    expect((await list({ outcome: 'not_settled' })).items.map((r) => r.id)).toContain(open.id);
    expect((await list({ outcome: 'settled' })).items.map((r) => r.id)).not.toContain(open.id);
  });

  it('resumes a record whose registration reply was lost when the request is retried with the same key: one case, one event', async () => {
    const idempotencyKey = `otsm-${randomUUID()}`;
    const body = aRecord({ title: '夜间噪音纠纷', idempotencyKey });
    h.dispatch.loseReplyFor.add('夜间噪音纠纷');
    const lost = await refusal(record(body));
    expect(lost.status).toBe(503);
    const [waiting] = (await list({ status: 'registering' })).items;
    expect(waiting).toMatchObject({ title: '夜间噪音纠纷', status: 'registering' });
    expect(waiting.caseId).toBeUndefined();

    // A colleague retries: the record is resumed and the case registered as its recorder.
    const resumed = await record(body, ASSISTANT);
    expect(resumed).toMatchObject({ id: waiting.id, status: 'registered', recordedBy: { id: CLERK.id } });
    const asked = h.dispatch.registrationsOf(waiting.id);
    expect(asked.map((r) => r.actor.id)).toEqual([CLERK.id, CLERK.id]);
    expect(h.dispatch.cases.get(`${CLERK.id}/${waiting.id}`)?.id).toBe(resumed.caseId);

    // Once more: the same record as it is, without asking dispatch again.
    expect(await record(body)).toEqual(resumed);
    expect(h.dispatch.registrationsOf(waiting.id)).toHaveLength(2);
    const later = await record(aRecord());
    await settledEvents(later.id);
    expect(await settledEvents(waiting.id)).toHaveLength(1);
  });

  it('makes one record, one case and one event of four tries with one key at once', async () => {
    const idempotencyKey = `otsm-${randomUUID()}`;
    const body = aRecord({ idempotencyKey });
    const tries = await Promise.all([record(body), record(body, ASSISTANT), record(body), record(body)]);
    expect(new Set(tries.map((t) => t.id)).size).toBe(1);
    expect(new Set(tries.map((t) => t.caseId)).size).toBe(1);
    const [a] = tries;
    expect((await list({ incidentNumber: body.incidentNumber })).total).toBe(1);
    const later = await record(aRecord());
    await settledEvents(later.id);
    expect(await settledEvents(a.id)).toHaveLength(1);
  });

  it('keeps nothing when dispatch refuses the case, passing its answer on', async () => {
    const body = aRecord({ disputeType: 'no_such_type' });
    const refused = await refusal(record(body));
    expect(answer(refused)).toEqual([422, ['disputeType']]);
    expect((await list({ incidentNumber: body.incidentNumber })).total).toBe(0);
    // Its incident number was released with it.
    const again = await record({ ...body, disputeType: 'neighbour' });
    expect(again).toMatchObject({ status: 'registered', incidentNumber: body.incidentNumber });
  });

  it('links a 110 incident to one record only: a second record of the same call is 409', async () => {
    const first = await record(aRecord());
    const second = await refusal(record(aRecord({ incidentNumber: first.incidentNumber })));
    expect(second.status).toBe(409);
    expect(second.messageZh).toMatch(/一个警情只能关联一个案件/);
  });

  it("answers 422 for a place outside the station's 辖区, a bad incident number, a future time; 400 for a 110 call without its number", async () => {
    const asked = h.dispatch.registrations.length;
    expect(answer(await refusal(record(aRecord({ jurisdictionCode: '370781001025' }))))).toEqual([
      422,
      ['jurisdictionCode'],
    ]);
    expect(answer(await refusal(record(aRecord({ incidentNumber: '警情2026' }))))).toEqual([
      422,
      ['incidentNumber'],
    ]);
    const tomorrow = new Date(Date.now() + 86400_000).toISOString();
    expect(answer(await refusal(record(aRecord({ occurredAt: tomorrow }))))).toEqual([422, ['occurredAt']]);
    expect(h.dispatch.registrations).toHaveLength(asked);

    expect(answer(await refusal(record(aRecord({ incidentNumber: undefined }))))).toEqual([
      400,
      ['incidentNumber'],
    ]);
    expect(answer(await refusal(record(aRecord({ agreementSummary: '' }))))).toEqual([
      400,
      ['agreementSummary'],
    ]);
    expect(answer(await refusal(record(aRecord({ channel: 'hotline_12345', outcome: 'done' }))))).toEqual([
      400,
      ['channel', 'outcome'],
    ]);
  });

  it("lets only the station's people record, and its own people and the coordinators over it read", async () => {
    const mine = await record(aRecord());
    expect((await refusal(record(aRecord(), WANGFU_CLERK))).status).toBe(403);
    expect((await refusal(record(aRecord(), HUANGLOU_COORDINATOR))).status).toBe(403);
    expect((await list({}, HUANGLOU_COORDINATOR)).items.map((r) => r.id)).toContain(mine.id);
    expect((await refusal(list({}, WANGFU_COORDINATOR))).status).toBe(403);
    expect((await refusal(list({}, WANGFU_CLERK))).status).toBe(403);
    const get = { agencyId: STATION, recordId: mine.id };
    expect((await refusal(h.send(PoliceSubjects.onTheSpotGet, get, WANGFU_CLERK))).status).toBe(403);
    // Another station's id in the route does not reach this station's record.
    const elsewhere = { agencyId: WANGFU_CLERK.agencyId, recordId: mine.id };
    expect((await refusal(h.send(PoliceSubjects.onTheSpotGet, elsewhere, WANGFU_CLERK))).status).toBe(404);
  });

  it('lists the latest first, filtered by outcome and by when it happened, a page at a time', async () => {
    const at = (h: number) => new Date(Date.UTC(2026, 0, 10, h)).toISOString();
    const early = await record(aRecord({ occurredAt: at(1) }));
    const middle = await record(
      aRecord({ occurredAt: at(2), outcome: 'not_settled', agreementSummary: undefined }),
    );
    const late = await record(aRecord({ occurredAt: at(3) }));
    const window = { from: at(1), to: at(4) };
    expect((await list(window)).items.map((r) => r.id)).toEqual([late.id, middle.id, early.id]);
    expect((await list({ ...window, outcome: 'settled' })).items.map((r) => r.id)).toEqual([
      late.id,
      early.id,
    ]);
    expect((await list({ from: at(2), to: at(3) })).items.map((r) => r.id)).toEqual([middle.id]);
    const page2 = await list({ ...window, pageSize: 2, page: 2 });
    expect([page2.total, page2.items.map((r) => r.id)]).toEqual([3, [early.id]]);
    expect(answer(await refusal(list({ outcome: 'maybe', from: 'yesterday' })))).toEqual([
      400,
      ['from', 'outcome'],
    ]);
  });
});
