import {
  JudicialSubjects,
  LegalAidAnsweredV1,
  LegalAidReferredV1,
  type LegalAidReferralView,
  type Page,
} from '@fengqiao/contracts';
import {
  CLERK,
  COORDINATOR,
  failure,
  HUANGLOU,
  inbox,
  JudicialOffice,
  MIHE,
  MIHE_CLERK,
} from './judicial-office.harness';

let office: JudicialOffice;

beforeAll(async () => {
  office = await JudicialOffice.start();
});

afterAll(async () => {
  await office?.close();
});

const referral = (over: object = {}) => ({
  partyName: '王某',
  partyPosition: 'applicant',
  reason: '调解不成，当事人拟起诉追索劳务费，无力委托律师',
  economicHardship: true,
  matter: '追索劳动报酬诉讼代理',
  contactPhone: '13812345678',
  ...over,
});
const refer = (referralId: string, over: object = {}, actor = CLERK) =>
  office.send<LegalAidReferralView>(JudicialSubjects.legalAidRefer, { referralId, ...referral(over) }, actor);
const answer = (legalAidReferralId: string, body: object, actor = CLERK, agencyId = HUANGLOU) =>
  office.send<LegalAidReferralView>(
    JudicialSubjects.legalAidRecordAnswer,
    { agencyId, legalAidReferralId, answeredAt: new Date().toISOString(), ...body },
    actor,
  );
const list = (query: object = {}, actor = CLERK) =>
  office.send<Page<LegalAidReferralView>>(
    JudicialSubjects.legalAidList,
    { agencyId: HUANGLOU, ...query },
    actor,
  );

/** The referral facts every event of the office about a referral carries. */
const officeFacts = (r: { referralId: string; caseId: string }) => ({
  referralId: r.referralId,
  caseId: r.caseId,
  agencyId: HUANGLOU,
  agencyKind: 'judicial',
});

describe('法律援助转介 (legal-aid referral)', () => {
  it('refers a party of an accepted referral, keeping the phone encrypted and showing it masked', async () => {
    const r = await office.aReferral();
    const view = await refer(r.referralId);
    expect(view).toMatchObject({
      agencyId: HUANGLOU,
      referralId: r.referralId,
      caseId: r.caseId,
      caseNumber: r.caseNumber,
      partyName: '王某',
      partyPosition: 'applicant',
      economicHardship: true,
      matter: '追索劳动报酬诉讼代理',
      contactPhone: '138****5678',
      status: 'referred',
    });
    const [row] = await office.query<{ encrypted: string; masked: string }>(
      'SELECT contact_phone_encrypted AS encrypted, contact_phone_masked AS masked FROM judicial_mediation.legal_aid_referrals WHERE id = $1',
      [view.id],
    );
    expect(row.masked).toBe('138****5678');
    expect(row.encrypted).not.toContain('13812345678');
    expect(row.encrypted).toMatch(/^v1:/);

    const [event] = await office.events<LegalAidReferredV1>(
      LegalAidReferredV1.subject,
      (e) => e.legalAidReferralId === view.id,
    );
    expect(event).toMatchObject({
      ...officeFacts(r),
      economicHardship: true,
      referredBy: CLERK,
    });
    expect(JSON.stringify(event)).not.toContain('1381234');
  });

  it('refers from a closed referral too, but not from one not yet accepted (409), nor twice while pending (409)', async () => {
    const closed = await office.aReferral();
    await office.send(inbox.referralClose, {
      referralId: closed.referralId,
      outcome: 'failed',
      note: '双方分歧较大',
      nextStep: 'litigation',
    });
    expect((await refer(closed.referralId, { contactPhone: undefined })).status).toBe('referred');
    const again = await failure(refer(closed.referralId));
    expect([again.status, again.messageZh]).toEqual([409, '王某已转介法律援助，尚待法律援助中心答复']);
    expect((await refer(closed.referralId, { partyName: '李某', partyPosition: 'respondent' })).status).toBe(
      'referred',
    );

    const issued = await office.aReferral({ accept: false });
    const early = await failure(refer(issued.referralId));
    expect([early.status, early.messageZh]).toEqual([
      409,
      '派单待签收，不能转介法律援助（只有已签收或办理中或已办结的派单可以转介法律援助）',
    ]);
  });

  it("keeps another office's referrals out of reach (404) and answers 400 naming bad fields", async () => {
    const r = await office.aReferral();
    expect((await failure(refer(r.referralId, {}, MIHE_CLERK))).status).toBe(404);
    expect((await failure(refer(r.referralId, {}, COORDINATOR))).status).toBe(404);
    const bad = await failure(
      refer(r.referralId, {
        reason: '',
        economicHardship: 'yes',
        contactPhone: '12345',
        partyPosition: 'judge',
      }),
    );
    expect(bad.status).toBe(400);
    expect([...new Set(bad.fields?.map((f) => f.field))].sort()).toEqual([
      'contactPhone',
      'economicHardship',
      'partyPosition',
      'reason',
    ]);
  });

  it("records the centre's answer once: accepted, or declined with why", async () => {
    const r = await office.aReferral();
    const a = await refer(r.referralId);
    const accepted = await answer(a.id, { status: 'accepted' });
    expect(accepted).toMatchObject({ status: 'accepted' });
    expect(Date.parse(accepted.answeredAt!)).not.toBeNaN();
    const twice = await failure(answer(a.id, { status: 'declined', note: '不符合经济困难标准' }));
    expect([twice.status, twice.messageZh]).toEqual([409, '法律援助中心已答复（已受理），不能重复登记']);

    const b = await refer(r.referralId, { partyName: '李某' });
    const noWhy = await failure(answer(b.id, { status: 'declined' }));
    expect([noWhy.status, [...new Set(noWhy.fields?.map((f) => f.field))]]).toEqual([400, ['note']]);
    const before = await failure(answer(b.id, { status: 'accepted', answeredAt: '2020-01-01T00:00:00Z' }));
    expect([before.status, before.fields?.[0].field]).toEqual([422, 'answeredAt']);
    const future = await failure(
      answer(b.id, { status: 'accepted', answeredAt: new Date(Date.now() + 86_400_000).toISOString() }),
    );
    expect([future.status, future.fields?.[0].field]).toEqual([422, 'answeredAt']);
    const declined = await answer(b.id, { status: 'declined', note: '不符合经济困难标准' });
    expect(declined).toMatchObject({ status: 'declined', answerNote: '不符合经济困难标准' });

    const [event] = await office.events<LegalAidAnsweredV1>(
      LegalAidAnsweredV1.subject,
      (e) => e.legalAidReferralId === b.id,
    );
    expect(event).toMatchObject({ ...officeFacts(r), status: 'declined', note: '不符合经济困难标准' });

    // Another office's clerk cannot answer for this office (403) nor find its referral under their own (404).
    expect((await failure(answer(a.id, { status: 'accepted' }, MIHE_CLERK))).status).toBe(403);
    expect((await failure(answer(a.id, { status: 'accepted' }, MIHE_CLERK, MIHE))).status).toBe(404);
  });

  it('lists the office’s referrals to legal aid, newest first, with filters; coordinators may read', async () => {
    const r = await office.aReferral();
    const first = await refer(r.referralId, { partyName: '甲', economicHardship: false });
    const second = await refer(r.referralId, { partyName: '乙' });
    await answer(second.id, { status: 'accepted' });

    const mine = await list({ referralId: r.referralId });
    expect(mine.items.map((x) => x.id)).toEqual([second.id, first.id]);
    expect(mine.total).toBe(2);
    expect((await list({ referralId: r.referralId, status: 'accepted' })).items.map((x) => x.id)).toEqual([
      second.id,
    ]);
    expect(
      (await list({ referralId: r.referralId, economicHardship: 'false' })).items.map((x) => x.id),
    ).toEqual([first.id]);
    expect(
      (await list({ referralId: r.referralId, from: second.referredAt })).items.map((x) => x.id),
    ).toEqual([second.id]);
    expect((await list({ referralId: r.referralId, to: second.referredAt })).items.map((x) => x.id)).toEqual([
      first.id,
    ]);
    const paged = await list({ pageSize: 1, page: 2 });
    expect(paged.items).toHaveLength(1);
    expect(paged.total).toBeGreaterThanOrEqual(2);

    expect((await list({ referralId: r.referralId }, COORDINATOR)).total).toBe(2);
    expect((await failure(list({}, MIHE_CLERK))).status).toBe(403);
    const bad = await failure(list({ status: 'lost', economicHardship: 'maybe' }));
    expect([bad.status, bad.fields?.map((f) => f.field).sort()]).toEqual([
      400,
      ['economicHardship', 'status'],
    ]);
  });
});
