import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  AgreementDraftedV1,
  AgreementPerformanceRecordedV1,
  AgreementSignedV1,
  type KeptDocumentFileView,
  type AgreementSummaryView,
  type AgreementView,
  type Page,
} from '@fengqiao/contracts';
import { eventually, TEST_ACTOR } from '@fengqiao/testing';
import { beijingDay } from '../src';
import {
  CLERK,
  COMMITTEE,
  CommitteeService,
  failure,
  MEDIATOR,
  OTHER_CLERK,
  subjects,
} from './support/committee-service';

const COORDINATOR = { ...TEST_ACTOR, jurisdictionCode: '370781000000' };

// Two valid 居民身份证号 (GB 11643 check digits) and a 统一社会信用代码.
const WANG_ID = '11010519491231002X';
const LI_ID = '370781198203154517';
const COMPANY_CODE = '91350100M000100Y43';

let service: CommitteeService;
const send = <T>(subject: string, body: object, actor: object = MEDIATOR) =>
  service.send<T>(subject, body, actor);
const db = () => service.db();
const anAcceptedReferral = () => service.anAcceptedReferral();

const yesterday = () => beijingDay(new Date(Date.now() - 86_400_000));
const inAMonth = () => beijingDay(new Date(Date.now() + 30 * 86_400_000));

const anAgreement = (over: object = {}) => ({
  parties: [
    {
      name: '王某',
      role: 'applicant',
      kind: 'person',
      idNumber: WANG_ID,
      phone: '13812345678',
      address: '青州市黄楼街道卢李村3组12号',
    },
    {
      name: '李某',
      role: 'respondent',
      kind: 'person',
      idNumber: LI_ID,
      address: '青州市黄楼街道卢李村3组14号',
    },
  ],
  facts: '王某与李某系上下楼邻居。李某家卫生间漏水，致王某家天花板受损，双方多次协商未果。',
  terms: [
    { content: '李某于约定日期前修复卫生间防水层。', performBy: inAMonth(), method: '李某自行联系施工' },
    { content: '李某赔偿王某损失人民币捌佰元整。', performBy: inAMonth(), method: '现金当面交付' },
  ],
  performance: { time: '自协议生效之日起三十日内履行完毕', method: '维修与赔偿同时进行' },
  mediatorNames: ['张调解员'],
  otherMatters: '双方就此纠纷再无其他争议。',
  ...over,
});

const draft = (referralId: string, body: object = anAgreement(), actor: object = MEDIATOR) =>
  send<AgreementView>(subjects.agreementDraft, { referralId, ...body }, actor);

/** Every party signs, and the agreement takes effect as the last one does (now, after 签收). */
function signing(parties = 2, at = new Date()) {
  return {
    signedAt: at.toISOString(),
    signatories: Array.from({ length: parties }, (_, partyPosition) => ({
      partyPosition,
      signedAt: at.toISOString(),
    })),
  };
}

const sign = (referralId: string, body: object = signing(), actor: object = MEDIATOR) =>
  send<AgreementView>(subjects.agreementSign, { referralId, ...body }, actor);

/** The PDF's text as pdftotext extracts it, without the line breaks and spaces of its layout. */
const pdfText = (pdf: Buffer) =>
  execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, '');

async function eventFor<T extends { agreementId: string }>(subject: string, agreementId: string): Promise<T> {
  const all = await eventually(
    () => service.stores.events<T>(subject),
    (x) => x.some((e) => e.agreementId === agreementId),
  );
  const found = all.find((e) => e.agreementId === agreementId);
  expect(found).toBeDefined();
  return found!;
}

const year = () => Number(beijingDay(new Date()).slice(0, 4));

beforeAll(async () => {
  service = await CommitteeService.start();
});

afterAll(async () => {
  await service?.close();
});

describe('mediation agreements (调解协议书)', () => {
  it('drafts an agreement numbered per agency and year, with ID and phone numbers sealed and shown masked', async () => {
    const referral = await anAcceptedReferral();
    const view = await draft(referral.referralId);
    expect(view).toMatchObject({
      referralId: referral.referralId,
      caseNumber: '370781-2026-000042',
      title: '人民调解协议书',
      status: 'draft',
      copies: 3,
      draftedByName: '张调解员',
      mediatorNames: ['张调解员'],
    });
    expect(view.number).toMatch(new RegExp(`^（${year()}）黄楼人调字第\\d{3}号$`));
    expect(view.parties[0]).toMatchObject({
      position: 0,
      name: '王某',
      role: 'applicant',
      idNumber: '1101**********002X',
      phone: '138****5678',
      address: '青州市黄楼街道卢李村3组12号',
    });
    expect(view.terms.map((t) => [t.termNo, t.performanceStatus, t.overdue])).toEqual([
      [1, 'pending', false],
      [2, 'pending', false],
    ]);
    expect(JSON.stringify(view)).not.toContain(WANG_ID);

    const [row] = await db().query<
      { id_number_encrypted: string; id_number_hash: string; phone_encrypted: string }[]
    >(
      `SELECT id_number_encrypted, id_number_hash, phone_encrypted FROM people_mediation.agreement_parties
       WHERE agreement_id = $1 AND position = 0`,
      [view.id],
    );
    expect(row.id_number_encrypted).toMatch(/^v1:/);
    expect(row.id_number_encrypted).not.toContain('19491231');
    expect(row.phone_encrypted).not.toContain('13812345678');
    expect(row.id_number_hash).toMatch(/^[0-9a-f]{64}$/);

    const drafted = await eventFor<AgreementDraftedV1>(AgreementDraftedV1.subject, view.id);
    expect(drafted).toMatchObject({
      referralId: referral.referralId,
      caseId: referral.caseId,
      agencyKind: 'people',
      number: view.number,
      redrafted: false,
      partyCount: 2,
      termCount: 2,
    });
  });

  it('refuses a bad draft: 400 for a malformed body, 422 without a respondent, 409 twice or on a referral not in hand, 404 for another agency', async () => {
    const referral = await anAcceptedReferral();
    const oneParty = await failure(
      draft(referral.referralId, anAgreement({ parties: [anAgreement().parties[0]] })),
    );
    expect(oneParty.status).toBe(400);
    const badId = await failure(
      draft(
        referral.referralId,
        anAgreement({
          parties: [
            { ...anAgreement().parties[0], idNumber: '110105194912310021' },
            anAgreement().parties[1],
          ],
        }),
      ),
    );
    expect(badId.status).toBe(400);
    expect(badId.fields?.map((f) => f.field)).toContain('parties[0].idNumber');
    const noTerms = await failure(draft(referral.referralId, anAgreement({ terms: [] })));
    expect(noTerms.status).toBe(400);

    const twoApplicants = anAgreement().parties.map((p) => ({ ...p, role: 'applicant' }));
    const noRespondent = await failure(draft(referral.referralId, anAgreement({ parties: twoApplicants })));
    expect(noRespondent).toMatchObject({ status: 422 });
    expect(noRespondent.fields).toEqual([expect.objectContaining({ field: 'parties' })]);
    const sameId = anAgreement().parties.map((p) => ({ ...p, idNumber: WANG_ID }));
    const twice = await failure(draft(referral.referralId, anAgreement({ parties: sameId })));
    expect(twice.fields).toEqual([expect.objectContaining({ field: 'parties[1].idNumber' })]);

    const elsewhere = await failure(draft(referral.referralId, anAgreement(), OTHER_CLERK));
    expect(elsewhere.status).toBe(404);

    await draft(referral.referralId);
    const again = await failure(draft(referral.referralId));
    expect(again.status).toBe(409);

    const notAccepted = await service.anIssuedReferral();
    expect((await failure(draft(notAccepted.referralId))).status).toBe(409);

    const closed = await anAcceptedReferral();
    await send(
      subjects.referralClose,
      { referralId: closed.referralId, outcome: 'failed', note: '双方分歧较大', nextStep: 'litigation' },
      CLERK,
    );
    const onClosed = await failure(draft(closed.referralId));
    expect(onClosed.status).toBe(409);
    expect(onClosed.messageZh).toContain('已办结');
  });

  it('re-drafts while a draft, keeping its number', async () => {
    const referral = await anAcceptedReferral();
    const first = await draft(referral.referralId);
    const second = await send<AgreementView>(subjects.agreementRedraft, {
      referralId: referral.referralId,
      ...anAgreement({ terms: [{ content: '李某一次性赔偿王某人民币壹仟元整。' }], otherMatters: undefined }),
    });
    expect(second.number).toBe(first.number);
    expect(second.terms).toEqual([
      expect.objectContaining({ termNo: 1, content: '李某一次性赔偿王某人民币壹仟元整。' }),
    ]);
    expect(second.otherMatters).toBeUndefined();
    const redrafted = await eventually(
      () => service.stores.events<AgreementDraftedV1>(AgreementDraftedV1.subject),
      (x) => x.some((e) => e.agreementId === first.id && e.redrafted),
    );
    expect(redrafted.find((e) => e.agreementId === first.id && e.redrafted)).toMatchObject({ termCount: 1 });

    const none = await anAcceptedReferral();
    const missing = await failure(
      send(subjects.agreementRedraft, { referralId: none.referralId, ...anAgreement() }),
    );
    expect(missing.status).toBe(404);
  });

  it('signs when every party has signed: renders the PDF, keeps it encrypted with its SHA-256, and reports it', async () => {
    const referral = await anAcceptedReferral();
    const drafted = await draft(referral.referralId);

    const unsigned = await failure(send(subjects.agreementPdf, { referralId: referral.referralId }));
    expect(unsigned.status).toBe(409);

    const bothSign = signing();
    const onlyWang = { ...bothSign, signatories: [bothSign.signatories[0]] };
    const missing = await failure(sign(referral.referralId, onlyWang));
    expect(missing.status).toBe(422);
    expect(missing.fields).toEqual([expect.objectContaining({ field: 'signatories' })]);
    expect(missing.fields![0].reasonZh).toContain('李某');
    const late = signing();
    late.signatories[1].signedAt = new Date(Date.now() + 60_000).toISOString();
    const afterEffect = await failure(sign(referral.referralId, late));
    expect(afterEffect.fields?.map((f) => f.field)).toEqual(['signatories[1].signedAt']);
    const unknown = signing(3);
    expect((await failure(sign(referral.referralId, unknown))).fields?.[0].field).toBe(
      'signatories[2].partyPosition',
    );
    const future = signing(2, new Date(Date.now() + 3600_000));
    expect((await failure(sign(referral.referralId, future))).fields?.[0].field).toBe('signedAt');

    const signed = await sign(referral.referralId);
    expect(signed).toMatchObject({ status: 'signed', signedByName: '张调解员', number: drafted.number });
    expect(signed.parties.every((p) => p.signedAt)).toBe(true);
    expect(signed.document).toMatchObject({ filename: `人民调解协议书_${drafted.number}.pdf` });

    const pdf = await send<KeptDocumentFileView>(subjects.agreementPdf, { referralId: referral.referralId });
    const bytes = Buffer.from(pdf.base64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBe(pdf.bytes);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(signed.document!.sha256);
    expect(pdf).toMatchObject({ contentType: 'application/pdf', filename: signed.document!.filename });

    const text = pdfText(bytes);
    for (const expected of [
      '人民调解协议书',
      drafted.number,
      '当事人',
      '申请人：王某',
      `身份证号码：${WANG_ID}`,
      '住址：青州市黄楼街道卢李村3组12号',
      '被申请人：李某',
      LI_ID,
      '纠纷主要事实、争议事项',
      '李某家卫生间漏水',
      '经调解，双方当事人自愿达成如下协议',
      '一、李某于约定日期前修复卫生间防水层',
      '二、李某赔偿王某损失人民币捌佰元整',
      '履行方式、时限',
      '自协议生效之日起三十日内履行完毕',
      '本协议一式三份',
      '调解员（签名）：张调解员',
      '调解委员会（盖章）：黄楼街道人民调解委员会',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('13812345678'); // phones are not printed

    const [kept] = await db().query<{ content_encrypted: Buffer; sha256: string; bytes: number }[]>(
      'SELECT content_encrypted, sha256, bytes FROM people_mediation.kept_documents WHERE id = (SELECT document_id FROM people_mediation.agreements WHERE id = $1)',
      [signed.id],
    );
    expect(kept.sha256).toBe(signed.document!.sha256);
    expect(kept.bytes).toBe(bytes.length);
    expect(kept.content_encrypted.subarray(0, 4).toString()).toBe('FQB1');
    expect(kept.content_encrypted.includes(Buffer.from('%PDF'))).toBe(false);

    const event = await eventFor<AgreementSignedV1>(AgreementSignedV1.subject, signed.id);
    expect(event).toMatchObject({
      referralId: referral.referralId,
      caseId: referral.caseId,
      agencyId: COMMITTEE,
      agencyKind: 'people',
      number: drafted.number,
      signedAt: signed.signedAt,
      termCount: 2,
      sha256: signed.document!.sha256,
    });

    expect((await failure(sign(referral.referralId))).status).toBe(409);
    const redraft = await failure(
      send(subjects.agreementRedraft, { referralId: referral.referralId, ...anAgreement() }),
    );
    expect(redraft.status).toBe(409);
  });

  it('shows the agreement to coordinators masked, but the PDF with full ID numbers only to the agency', async () => {
    const referral = await anAcceptedReferral();
    await draft(referral.referralId);
    await sign(referral.referralId);
    const seen = await send<AgreementView>(
      subjects.agreementGet,
      { referralId: referral.referralId },
      COORDINATOR,
    );
    expect(seen.parties[1].idNumber).toBe('3707**********4517');
    expect(
      (await failure(send(subjects.agreementPdf, { referralId: referral.referralId }, COORDINATOR))).status,
    ).toBe(404);
    expect(
      (await failure(send(subjects.agreementGet, { referralId: referral.referralId }, OTHER_CLERK))).status,
    ).toBe(404);
    const none = await anAcceptedReferral();
    expect((await failure(send(subjects.agreementGet, { referralId: none.referralId }))).status).toBe(404);
  });

  it('prints an organisation with its 统一社会信用代码 and 住所', async () => {
    const referral = await anAcceptedReferral();
    const parties = [
      anAgreement().parties[0],
      {
        name: '青州某物业服务有限公司',
        role: 'respondent',
        kind: 'organisation',
        idNumber: COMPANY_CODE,
        address: '青州市海岱中路1号',
      },
    ];
    await draft(referral.referralId, anAgreement({ parties }));
    await sign(referral.referralId);
    const pdf = await send<KeptDocumentFileView>(subjects.agreementPdf, { referralId: referral.referralId });
    const text = pdfText(Buffer.from(pdf.base64, 'base64'));
    expect(text).toContain(`统一社会信用代码：${COMPANY_CODE}`);
    expect(text).toContain('住所：青州市海岱中路1号');
  });

  it('refuses to keep a document too large to hand back, and leaves the agreement a draft', async () => {
    const referral = await anAcceptedReferral();
    // Thousands of distinct characters: the embedded font subset grows with each.
    const distinct = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => String.fromCharCode(from + i)).join('');
    const terms = Array.from({ length: 20 }, (_, i) => ({ content: distinct(0x5000 + i * 1000, 1000) }));
    await draft(referral.referralId, anAgreement({ facts: distinct(0x4e00, 5000), terms }));
    const tooLarge = await failure(sign(referral.referralId));
    expect(tooLarge.status).toBe(422);
    expect(tooLarge.fields?.[0].field).toBe('document');
    const after = await send<AgreementView>(subjects.agreementGet, { referralId: referral.referralId });
    expect(after.status).toBe('draft');
  });

  it('gives parallel drafts distinct numbers, one after another, without gaps', async () => {
    const referrals = await Promise.all(Array.from({ length: 12 }, () => anAcceptedReferral()));
    const [{ last }] = await db().query<{ last: number | null }[]>(
      'SELECT max(last_sequence) AS last FROM people_mediation.agreement_counters WHERE agency_id = $1',
      [COMMITTEE],
    );
    const views = await Promise.all(referrals.map((r) => draft(r.referralId)));
    const sequences = views.map((v) => Number(/第(\d{3})号/.exec(v.number)![1])).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 12 }, (_, i) => (last ?? 0) + i + 1));
    expect(new Set(views.map((v) => v.number)).size).toBe(12);
  });

  it('tracks performance of each term of a signed agreement, keeping every record', async () => {
    const referral = await anAcceptedReferral();
    const drafted = await draft(referral.referralId);
    const perform = (termNo: number, body: object) =>
      send<AgreementView>(subjects.agreementRecordPerformance, {
        referralId: referral.referralId,
        termNo,
        ...body,
      });
    const now = () => new Date().toISOString();

    const early = await failure(perform(1, { status: 'performed', note: '已修复', recordedAt: now() }));
    expect(early.status).toBe(409);
    const signed = await sign(referral.referralId);

    const later = await perform(1, {
      status: 'partly_performed',
      note: '防水层已修复一半',
      recordedAt: now(),
    });
    expect(later.terms[0]).toMatchObject({ performanceStatus: 'partly_performed' });
    const done = await perform(1, { status: 'performed', note: '经回访，防水层已修复', recordedAt: now() });
    expect(done.terms[0].performanceStatus).toBe('performed');
    expect(done.terms[0].performanceHistory.map((h) => h.status)).toEqual(['partly_performed', 'performed']);
    // A record entered late (found earlier) is kept but does not override the newer finding.
    const backdated = await perform(1, {
      status: 'defaulted',
      note: '补录：当时尚未履行',
      recordedAt: signed.signedAt!,
    });
    expect(backdated.terms[0].performanceStatus).toBe('performed');
    expect(backdated.terms[0].performanceHistory).toHaveLength(3);

    expect(
      (await failure(perform(3, { status: 'performed', note: '无此条', recordedAt: now() }))).status,
    ).toBe(404);
    const future = await failure(
      perform(2, {
        status: 'performed',
        note: '已付',
        recordedAt: new Date(Date.now() + 3600_000).toISOString(),
      }),
    );
    expect(future.fields?.[0].field).toBe('recordedAt');
    const beforeSigning = await failure(
      perform(2, {
        status: 'performed',
        note: '已付',
        recordedAt: new Date(Date.now() - 86_400_000).toISOString(),
      }),
    );
    expect(beforeSigning.fields?.[0].field).toBe('recordedAt');
    expect((await failure(perform(2, { status: 'done', note: 'x', recordedAt: now() }))).status).toBe(400);
    const other = await failure(
      send(
        subjects.agreementRecordPerformance,
        {
          referralId: referral.referralId,
          termNo: 2,
          status: 'performed',
          note: '已付',
          recordedAt: now(),
        },
        OTHER_CLERK,
      ),
    );
    expect(other.status).toBe(404);

    const event = await eventFor<AgreementPerformanceRecordedV1>(
      AgreementPerformanceRecordedV1.subject,
      drafted.id,
    );
    expect(event).toMatchObject({
      referralId: referral.referralId,
      number: drafted.number,
      termNo: 1,
      status: 'partly_performed',
      recordedBy: expect.objectContaining({ id: MEDIATOR.id }),
    });
  });

  it("lists an agency's agreements with filters on status, performance and signing dates", async () => {
    const make = async (terms: object[], signIt: boolean) => {
      const r = await anAcceptedReferral();
      const v = await draft(r.referralId, anAgreement({ terms }));
      if (signIt) await sign(r.referralId);
      return { referralId: r.referralId, id: v.id };
    };
    const overdue = await make([{ content: '李某于昨日前付清赔偿款。', performBy: yesterday() }], true);
    const defaulted = await make([{ content: '李某赔礼道歉。' }], true);
    await send(subjects.agreementRecordPerformance, {
      referralId: defaulted.referralId,
      termNo: 1,
      status: 'defaulted',
      note: '李某拒不道歉',
      recordedAt: new Date().toISOString(),
    });
    const performed = await make([{ content: '王某撤回投诉。' }], true);
    await send(subjects.agreementRecordPerformance, {
      referralId: performed.referralId,
      termNo: 1,
      status: 'performed',
      note: '已撤回',
      recordedAt: new Date().toISOString(),
    });
    const stillDraft = await make([{ content: '双方互不追究。', performBy: yesterday() }], false);

    const list = (q: object, actor: object = CLERK) =>
      send<Page<AgreementSummaryView>>(
        subjects.agreementList,
        { agencyId: COMMITTEE, pageSize: 100, ...q },
        actor,
      );
    const ids = (p: Page<AgreementSummaryView>) => p.items.map((i) => i.id);

    const all = await list({});
    expect(all.total).toBeGreaterThanOrEqual(4);
    expect(all.items.find((i) => i.id === overdue.id)).toMatchObject({
      status: 'signed',
      partyNames: ['王某', '李某'],
      termCount: 1,
      performedTerms: 0,
      overdue: true,
      defaulted: false,
      caseTitle: '楼上漏水致楼下受损纠纷',
    });
    // Numbers descend: the newest first.
    const numbers = all.items.map((i) => Number(/第(\d+)号/.exec(i.number)![1]));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));

    const overdueOnly = ids(await list({ performance: 'overdue' }));
    expect(overdueOnly).toContain(overdue.id);
    expect(overdueOnly).not.toContain(stillDraft.id); // a draft binds no one yet
    expect(overdueOnly).not.toContain(performed.id);
    expect(ids(await list({ performance: 'defaulted' }))).toEqual([defaulted.id]);
    const performedOnly = ids(await list({ performance: 'performed' }));
    expect(performedOnly).toContain(performed.id);
    expect(performedOnly).not.toContain(defaulted.id);
    const drafts = await list({ status: 'draft' });
    expect(drafts.items.every((i) => i.status === 'draft')).toBe(true);
    expect(ids(drafts)).toContain(stillDraft.id);

    const today = beijingDay(new Date());
    const signedToday = ids(await list({ signedFrom: today, signedTo: today }));
    expect(signedToday).toEqual(expect.arrayContaining([overdue.id, defaulted.id, performed.id]));
    expect(signedToday).not.toContain(stillDraft.id);
    expect((await list({ signedTo: yesterday() })).total).toBe(0);

    const page = await list({ page: 2, pageSize: 2 });
    expect(page).toMatchObject({ page: 2, pageSize: 2, total: all.total });
    expect(page.items).toHaveLength(2);
    expect((await list({}, COORDINATOR)).total).toBe(all.total);
    // A coordinator of another street sees none of this committee's cases.
    expect((await list({}, { ...COORDINATOR, jurisdictionCode: '370781001000' })).total).toBe(0);
    expect((await failure(list({}, OTHER_CLERK))).status).toBe(403);
    expect((await failure(list({ performance: 'late' }))).status).toBe(400);
    expect((await failure(list({ signedFrom: '2026-02-30' }))).status).toBe(400);
  });
});
