import { execFileSync } from 'node:child_process';
import {
  agencySubjects,
  JudicialConfirmationDecidedV1,
  JudicialConfirmationFiledV1,
  JudicialConfirmationPreparedV1,
  JudicialSubjects,
  type AgreementView,
  type KeptDocumentFileView,
  type JudicialConfirmationView,
  type Page,
} from '@fengqiao/contracts';
import { beijingDate, WorkingCalendar } from '@fengqiao/working-calendar';
import { CLERK, COORDINATOR, failure, HUANGLOU, JudicialOffice, MIHE_CLERK } from './judicial-office.harness';

const DAY_MS = 86_400_000;
const kit = agencySubjects('judicial');
let office: JudicialOffice;

beforeAll(async () => {
  office = await JudicialOffice.start();
});

afterAll(async () => {
  await office?.close();
});

const WANG_ID = '11010519491231002X';

/** A referral of the office with an agreement between 王某 and 李某, signed now unless told not to. */
async function anAgreement({ sign = true } = {}) {
  const r = await office.aReferral();
  await office.send<AgreementView>(kit.agreementDraft, {
    referralId: r.referralId,
    parties: [
      {
        name: '王某',
        role: 'applicant',
        kind: 'person',
        idNumber: WANG_ID,
        phone: '13812345678',
        address: '青州市黄楼街道卢李村3组12号',
      },
      { name: '李某', role: 'respondent', kind: 'person', idNumber: '440524188001010014' },
    ],
    facts: '李某承揽王某房屋修缮工程，完工后双方就劳务费结算发生争议。',
    terms: [
      { content: '王某于2027年1月31日前向李某支付劳务费人民币12000元。', performBy: '2027-01-31' },
      { content: '李某对修缮工程保修一年。' },
    ],
    performance: { time: '2027年1月31日前履行完毕', method: '银行转账' },
    mediatorNames: ['孙所员'],
  });
  if (!sign) return r;
  const now = new Date().toISOString();
  await office.send<AgreementView>(kit.agreementSign, {
    referralId: r.referralId,
    signedAt: now,
    signatories: [
      { partyPosition: 0, signedAt: now },
      { partyPosition: 1, signedAt: now },
    ],
  });
  return r;
}

/** As if the agreement had taken effect `days` days ago (the same time of day, in Beijing). */
async function tookEffectDaysAgo(referralId: string, days: number) {
  await office.query(
    `UPDATE judicial_mediation.agreements SET signed_at = signed_at - make_interval(days => $2) WHERE referral_id = $1`,
    [referralId, days],
  );
}

const apply = (referralId: string, over: object = {}, actor = CLERK) =>
  office.send<JudicialConfirmationView>(
    JudicialSubjects.confirmationPrepare,
    { referralId, court: '青州市人民法院', applicants: [0, 1], ...over },
    actor,
  );
const file = (referralId: string, over: object = {}) =>
  office.send<JudicialConfirmationView>(JudicialSubjects.confirmationRecordFiling, {
    referralId,
    filedAt: new Date().toISOString(),
    courtCaseNumber: '（2026）鲁0781民特123号',
    ...over,
  });
const decide = (referralId: string, over: object = {}) =>
  office.send<JudicialConfirmationView>(JudicialSubjects.confirmationRecordResult, {
    referralId,
    result: 'confirmed',
    decidedAt: new Date().toISOString(),
    rulingNumber: '（2026）鲁0781民特123号民事裁定书',
    ...over,
  });
const list = (query: object = {}, actor = CLERK) =>
  office.send<Page<JudicialConfirmationView>>(
    JudicialSubjects.confirmationList,
    { agencyId: HUANGLOU, pageSize: 100, ...query },
    actor,
  );

describe('司法确认: within 30 days of the agreement taking effect (人民调解法第33条)', () => {
  it('accepts an application on day 30', async () => {
    const r = await anAgreement();
    await tookEffectDaysAgo(r.referralId, 30);
    const today = beijingDate(new Date());
    const view = await apply(r.referralId);
    expect(view.status).toBe('prepared');
    expect(beijingDate(new Date(view.agreementSignedAt))).toBe(
      new Date(Date.parse(today) - 30 * DAY_MS).toISOString().slice(0, 10),
    );
    // Day 30 is today, or a later working day when today is a weekend or holiday.
    expect(view.deadline >= today).toBe(true);
    expect(view.daysLeft).toBe(Math.round((Date.parse(view.deadline) - Date.parse(today)) / DAY_MS));
  });

  it('refuses one on day 31 (day 30 a working day) with 422 naming the deadline', async () => {
    // The latest working day before today is day 30: today is day 31 when yesterday was worked.
    const calendar = new WorkingCalendar();
    const today = beijingDate(new Date());
    let day30 = new Date(Date.parse(today) - DAY_MS).toISOString().slice(0, 10);
    while (!calendar.isWorkingDay(day30))
      day30 = new Date(Date.parse(day30) - DAY_MS).toISOString().slice(0, 10);
    const daysAgo = 30 + (Date.parse(today) - Date.parse(day30)) / DAY_MS;

    const r = await anAgreement();
    await tookEffectDaysAgo(r.referralId, daysAgo);
    const late = await failure(apply(r.referralId));
    const [y, m, d] = day30.split('-').map(Number);
    expect(late.status).toBe(422);
    expect(late.fields?.[0].field).toBe('deadline');
    expect(late.message).toContain(`the last day was ${day30}`);
    expect(late.messageZh).toContain('须自调解协议生效之日起三十日内申请司法确认');
    expect(late.messageZh).toContain(`申请期限已于${y}年${m}月${d}日届满`);
    expect(await list({ status: 'prepared' }).then((p) => p.items.map((c) => c.referralId))).not.toContain(
      r.referralId,
    );
  });
});

describe('司法确认: the joint application and the 申请书', () => {
  it('needs every party of the agreement as an applicant: 422 naming the missing one', async () => {
    const r = await anAgreement();
    const alone = await failure(apply(r.referralId, { applicants: [0] }));
    expect([alone.status, alone.fields?.[0].field]).toEqual([422, 'applicants']);
    expect(alone.messageZh).toContain('李某（被申请人）未列为申请人');
    expect(alone.message).toContain('李某 (position 1)');
    const stranger = await failure(apply(r.referralId, { applicants: [0, 1, 2] }));
    expect([stranger.status, stranger.messageZh]).toEqual([422, 'applicants：调解协议中没有第3位当事人']);
    const none = await failure(apply(r.referralId, { applicants: [], court: '青州市司法局' }));
    expect([none.status, none.fields?.map((f) => f.field).sort()]).toEqual([400, ['applicants', 'court']]);
  });

  it('renders the 申请书 naming the court, the applicants and the agreement, and keeps it', async () => {
    const r = await anAgreement();
    const view = await apply(r.referralId, {
      court: '青州市人民法院黄楼人民法庭',
      note: '双方当事人均同意申请司法确认。',
    });
    expect(view).toMatchObject({
      referralId: r.referralId,
      caseNumber: r.caseNumber,
      court: '青州市人民法院黄楼人民法庭',
      status: 'prepared',
      applicants: [
        { position: 0, name: '王某', role: 'applicant', idNumber: '1101**********002X' },
        { position: 1, name: '李某', role: 'respondent', idNumber: '4405**********0014' },
      ],
    });
    expect(view.agreementNumber).toMatch(/^（\d{4}）黄楼司调字第\d{3}号$/);

    const pdf = await office.send<KeptDocumentFileView>(JudicialSubjects.confirmationGetPdf, {
      referralId: r.referralId,
    });
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.filename).toBe(`司法确认申请书_${view.agreementNumber}.pdf`);
    const bytes = Buffer.from(pdf.base64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect([pdf.sha256, pdf.bytes]).toEqual([view.applicationSha256, view.applicationBytes]);
    const text = execFileSync('pdftotext', ['-', '-'], { input: bytes }).toString('utf8').replace(/\s+/g, '');
    for (const expected of [
      '司法确认申请书',
      view.agreementNumber,
      '青州市人民法院黄楼人民法庭',
      '请求确认',
      '王某',
      '李某',
      WANG_ID, // the court's copy names the applicants in full
      '青州市司法局黄楼司法所',
      '王某于2027年1月31日前向李某支付劳务费人民币12000元。',
      '双方当事人均同意申请司法确认。',
    ])
      expect(text).toContain(expected);

    // Kept encrypted: the stored bytes are not the PDF.
    const [kept] = await office.query<{ content: Buffer }>(
      `SELECT content_encrypted AS content FROM judicial_mediation.kept_documents WHERE kind = 'judicial_confirmation_application' AND referral_id = $1`,
      [r.referralId],
    );
    expect(kept.content.includes(Buffer.from('%PDF-'))).toBe(false);

    const [event] = await office.events<JudicialConfirmationPreparedV1>(
      JudicialConfirmationPreparedV1.subject,
      (e) => e.referralId === r.referralId,
    );
    expect(event).toMatchObject({
      applicationId: view.id,
      agencyKind: 'judicial',
      agreementNumber: view.agreementNumber,
      court: '青州市人民法院黄楼人民法庭',
      deadline: view.deadline,
      preparedBy: CLERK,
    });
  });

  it('needs a signed agreement of the office’s own referral', async () => {
    const draftOnly = await anAgreement({ sign: false });
    const unsigned = await failure(apply(draftOnly.referralId));
    expect([unsigned.status, unsigned.messageZh]).toEqual([
      409,
      '该派单尚无已签署生效的调解协议书，不能申请司法确认',
    ]);
    const noAgreement = await office.aReferral();
    expect((await failure(apply(noAgreement.referralId))).status).toBe(409);

    const signed = await anAgreement();
    expect((await failure(apply(signed.referralId, {}, MIHE_CLERK))).status).toBe(404);
    expect((await failure(apply(signed.referralId, {}, COORDINATOR))).status).toBe(404);
    const get = (actor = CLERK) =>
      office.send(JudicialSubjects.confirmationGet, { referralId: signed.referralId }, actor);
    expect((await failure(get())).status).toBe(404); // none prepared yet
    await apply(signed.referralId);
    expect((await failure(get(MIHE_CLERK))).status).toBe(404);
    const pdf = office.send(
      JudicialSubjects.confirmationGetPdf,
      { referralId: signed.referralId },
      MIHE_CLERK,
    );
    expect((await failure(pdf)).status).toBe(404);
  });
});

describe('司法确认: tracking prepared → filed → decided', () => {
  it('files, then records the ruling, each once and in order (409 otherwise), with an event each', async () => {
    const r = await anAgreement();
    const prepared = await apply(r.referralId);
    const again = await failure(apply(r.referralId));
    expect([again.status, again.messageZh]).toEqual([
      409,
      `调解协议${prepared.agreementNumber}已有尚未裁定的司法确认申请（待递交），不能重复申请`,
    ]);
    const early = await failure(decide(r.referralId));
    expect([early.status, early.messageZh]).toEqual([
      409,
      '司法确认申请待递交，只有已递交法院的申请可以登记裁定结果',
    ]);
    const beforePrepared = await failure(file(r.referralId, { filedAt: '2020-01-01T00:00:00Z' }));
    expect([beforePrepared.status, beforePrepared.fields?.[0].field]).toEqual([422, 'filedAt']);

    const filed = await file(r.referralId);
    expect(filed).toMatchObject({ status: 'filed', courtCaseNumber: '（2026）鲁0781民特123号' });
    expect(filed.daysLeft).toBeUndefined();
    const twice = await failure(file(r.referralId));
    expect([twice.status, twice.messageZh]).toEqual([
      409,
      '司法确认申请已递交法院，只有待递交的申请可以登记递交',
    ]);
    expect((await failure(apply(r.referralId))).status).toBe(409); // still open

    const noReason = await failure(decide(r.referralId, { result: 'rejected' }));
    expect([noReason.status, [...new Set(noReason.fields?.map((f) => f.field))]]).toEqual([400, ['reason']]);
    const rejected = await decide(r.referralId, { result: 'rejected', reason: '调解协议内容涉及案外人权益' });
    expect(rejected).toMatchObject({
      status: 'decided',
      result: 'rejected',
      reason: '调解协议内容涉及案外人权益',
    });
    const decidedTwice = await failure(decide(r.referralId));
    expect([decidedTwice.status, decidedTwice.messageZh]).toEqual([
      409,
      '司法确认申请法院已裁定，只有已递交法院的申请可以登记裁定结果',
    ]);

    const facts = (e: { referralId: string }) => e.referralId === r.referralId;
    expect(
      await office.events<JudicialConfirmationFiledV1>(JudicialConfirmationFiledV1.subject, facts),
    ).toEqual([
      expect.objectContaining({ applicationId: prepared.id, courtCaseNumber: '（2026）鲁0781民特123号' }),
    ]);
    expect(
      await office.events<JudicialConfirmationDecidedV1>(JudicialConfirmationDecidedV1.subject, facts),
    ).toEqual([expect.objectContaining({ applicationId: prepared.id, result: 'rejected' })]);

    // Decided, the agreement may be applied for again (still within its 30 days): a new application.
    const second = await apply(r.referralId);
    expect(second.id).not.toBe(prepared.id);
    const current = await office.send<JudicialConfirmationView>(JudicialSubjects.confirmationGet, {
      referralId: r.referralId,
    });
    expect([current.id, current.status]).toEqual([second.id, 'prepared']);
    await file(r.referralId);
    expect((await decide(r.referralId)).result).toBe('confirmed');
  });

  it('lists the office’s applications with the days left to file, filtered; coordinators may read', async () => {
    const a = await anAgreement();
    await tookEffectDaysAgo(a.referralId, 10);
    const unfiled = await apply(a.referralId, { court: '青州市人民法院' });
    const b = await anAgreement();
    const filed = await apply(b.referralId, { court: '青州市人民法院黄楼人民法庭' });
    await file(b.referralId);

    const all = await list();
    const mine = all.items.filter((c) => [unfiled.id, filed.id].includes(c.id));
    expect(mine.map((c) => c.id)).toEqual([filed.id, unfiled.id]); // newest first
    const today = beijingDate(new Date());
    expect(mine[1].daysLeft).toBe(Math.round((Date.parse(unfiled.deadline) - Date.parse(today)) / DAY_MS));
    expect(mine[1].daysLeft).toBeGreaterThanOrEqual(20);
    expect(mine[0].daysLeft).toBeUndefined();

    expect((await list({ status: 'filed' })).items.map((c) => c.id)).toContain(filed.id);
    expect((await list({ status: 'filed' })).items.map((c) => c.id)).not.toContain(unfiled.id);
    const byCourt = (await list({ court: '黄楼人民法庭' })).items.map((c) => c.id);
    expect(byCourt).toContain(filed.id);
    expect(byCourt).not.toContain(unfiled.id);
    expect((await list({ from: filed.preparedAt })).items.map((c) => c.id)).toEqual([filed.id]);
    expect((await list({ to: filed.preparedAt })).items.map((c) => c.id)).toContain(unfiled.id);
    expect((await list({ to: filed.preparedAt })).items.map((c) => c.id)).not.toContain(filed.id);

    expect((await list({}, COORDINATOR)).total).toBe(all.total);
    expect((await failure(list({}, MIHE_CLERK))).status).toBe(403);
    const bad = await failure(list({ status: 'lost', from: 'yesterday' }));
    expect([bad.status, bad.fields?.map((f) => f.field).sort()]).toEqual([400, ['from', 'status']]);
  });
});
