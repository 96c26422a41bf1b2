import { randomUUID } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  CaseRegisteredV1,
  DispatchSubjects,
  ReferralAcceptedV1,
  ReferralClosedV1,
  ReferralIssuedV1,
  type CaseSummaryView,
  type CaseView,
  type Page,
  type ReferralView,
} from '@fengqiao/contracts';
import type { RpcClient } from '@fengqiao/messaging';
import {
  aDispute,
  bootService,
  DEMO_AGENCY,
  eventually,
  failure,
  TEST_ACTOR,
  TestStores,
} from '@fengqiao/testing';
import { DispatchModule } from '../src/app.module';
import { loadDispatchConfig } from '../src/config';
import { Case } from '../src/cases/case.entity';
import { seedDemoCity } from '../src/seed/seed-demo-city';
import { PersonalDataCipher } from '@fengqiao/pii';

const PEOPLE_COMMITTEE = DEMO_AGENCY.huanglouCommittee;
const POLICE_STATION = DEMO_AGENCY.huanglouPolice;

let stores: TestStores;
let app: INestMicroservice;
let rpc: RpcClient;
let dataSource: DataSource;

const send = <T>(subject: string, body: object) => rpc.request<T>('dispatch', subject, TEST_ACTOR, body);

const register = (over: object = {}) => send<CaseView>(DispatchSubjects.caseRegister, aDispute(over));
const refer = (caseId: string, agencyId: string = PEOPLE_COMMITTEE) =>
  send<ReferralView>(DispatchSubjects.referralIssue, { caseId, agencyId });
const getCase = (caseId: string) => send<CaseView>(DispatchSubjects.caseGet, { caseId });

const agencyActor = { id: 'm-1', name: '调解员甲', role: 'mediator' };

beforeAll(async () => {
  stores = await TestStores.start();
  app = await bootService(DispatchModule.forRoot(loadDispatchConfig(stores.env())), 'dispatch', stores);
  dataSource = app.get(DataSource);
  await seedDemoCity(dataSource);
  rpc = stores.rpc();
});

afterAll(async () => {
  await app?.close();
  await stores?.close();
});

describe('registering a case (登记)', () => {
  it('gives it a number for life, a first timeline step and an event', async () => {
    const a = await register();
    const b = await register({ jurisdictionCode: '370781001025' });
    expect(a.caseNumber).toMatch(/^370781-20\d\d-\d{6}$/);
    expect(Number(b.caseNumber.slice(-6))).toBe(Number(a.caseNumber.slice(-6)) + 1);
    expect(a.status).toBe('registered');
    expect(a.parties.map((p) => p.name)).toEqual(['王某', '李某']);
    expect(a.timeline).toEqual([
      expect.objectContaining({ step: 'case_registered', actorName: TEST_ACTOR.name }),
    ]);
    const events = await eventually(
      () => stores.events<CaseRegisteredV1>(CaseRegisteredV1.subject),
      (e) => e.some((x) => x.caseId === a.id),
    );
    expect(events.filter((e) => e.caseId === a.id)).toHaveLength(1);
  });

  it('refuses an unknown jurisdiction or dispute type with 422 and writes nothing', async () => {
    const before = await dataSource.getRepository(Case).count();
    const e1 = await failure(register({ jurisdictionCode: '370781999001' }));
    const e2 = await failure(register({ disputeType: 'alien_abduction' }));
    expect([e1.status, e1.fields?.[0].field]).toEqual([422, 'jurisdictionCode']);
    expect([e2.status, e2.fields?.[0].field]).toEqual([422, 'disputeType']);
    expect(await dataSource.getRepository(Case).count()).toBe(before);
  });

  it('names every bad field in English and Chinese', async () => {
    const e = await failure(send(DispatchSubjects.caseRegister, { ...aDispute(), title: '', parties: [] }));
    expect(e.status).toBe(400);
    expect(e.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'title', reasonZh: '不能为空' }),
        expect.objectContaining({ field: 'parties', reasonZh: '至少需要 1 项' }),
      ]),
    );
  });

  it('returns the same case for a retried registration with the same Idempotency-Key', async () => {
    const key = `retry-${Date.now()}`;
    const first = await send<CaseView>(DispatchSubjects.caseRegister, { ...aDispute(), idempotencyKey: key });
    const again = await send<CaseView>(DispatchSubjects.caseRegister, { ...aDispute(), idempotencyKey: key });
    expect(again.id).toBe(first.id);
    expect(await dataSource.getRepository(Case).countBy({ idempotencyKey: key })).toBe(1);
    const bad = await failure(send(DispatchSubjects.caseRegister, { ...aDispute(), idempotencyKey: 'x' }));
    expect([bad.status, bad.fields?.[0].field]).toEqual([400, 'idempotencyKey']);
  });

  it("keeps parties' ID and phone numbers only encrypted, hashed and masked, and answers masked", async () => {
    const idNumber = '11010519491231002X';
    const phone = '13812345678';
    const kase = await register({
      parties: [{ kind: 'person', role: 'applicant', name: '王某', idNumber, phone }],
    });
    expect(kase.parties[0]).toMatchObject({ idNumber: '1101**********002X', phone: '138****5678' });
    const rows = await dataSource.query(
      'SELECT row_to_json(p)::text AS row FROM dispatch.case_parties p WHERE case_id = $1',
      [kase.id],
    );
    expect(rows[0].row).not.toContain(idNumber);
    expect(rows[0].row).not.toContain(phone);
    const cipher = app.get(PersonalDataCipher);
    const [stored] = await dataSource.query(
      'SELECT id_number_cipher, id_number_hash, phone_hash FROM dispatch.case_parties WHERE case_id = $1',
      [kase.id],
    );
    expect(cipher.decrypt(stored.id_number_cipher)).toBe(idNumber);
    expect(stored.id_number_hash).toBe(cipher.lookupHash(idNumber));
    expect(stored.phone_hash).toBe(cipher.lookupHash(phone));
  });

  it('refuses an ID number whose check digit is wrong, naming the field', async () => {
    const e = await failure(
      register({
        parties: [{ kind: 'person', role: 'applicant', name: '王某', idNumber: '110105194912310021' }],
      }),
    );
    expect(e.status).toBe(400);
    expect(e.fields).toEqual([
      expect.objectContaining({
        field: 'parties[0].idNumber',
        reason: 'idNumber must be a valid resident identity card number (GB 11643)',
        reasonZh: '证件号码无效（个人为居民身份证号，组织为统一社会信用代码）',
      }),
    ]);
  });

  it("checks an organisation's unified social credit code (GB 32100) instead", async () => {
    const org = { kind: 'organisation', role: 'respondent', name: '青州某物业公司' };
    const e = await failure(register({ parties: [{ ...org, idNumber: '91350100M000100Y44' }] }));
    expect([e.status, e.fields?.[0].reason]).toEqual([
      400,
      'idNumber must be a valid unified social credit code (GB 32100)',
    ]);
    expect(
      (await register({ parties: [{ ...org, idNumber: '91350100M000100Y43' }] })).parties[0].idNumber,
    ).toMatch(/\*/);
  });

  it('needs the incident number for a 110 call', async () => {
    const e = await failure(register({ channel: 'call_110' }));
    expect([e.status, e.fields?.[0].field]).toEqual([422, 'incidentNumber']);
    const ok = await register({ channel: 'call_110', incidentNumber: 'J370781202611230001' });
    expect(ok.incidentNumber).toBe('J370781202611230001');
  });
});

describe('referring a case (派单)', () => {
  it('issues a referral, moves the case to referred and tells the agency through JetStream', async () => {
    const kase = await register();
    const referral = await refer(kase.id);
    expect(referral).toMatchObject({
      caseId: kase.id,
      agencyKind: 'people',
      status: 'issued',
      agencyName: '黄楼街道人民调解委员会',
    });
    const view = await getCase(kase.id);
    expect(view.status).toBe('referred');
    expect(view.timeline.map((t) => t.step)).toEqual(['case_registered', 'referral_issued']);
    const issued = await eventually(
      () => stores.events<ReferralIssuedV1>(ReferralIssuedV1.subject),
      (e) => e.some((x) => x.referralId === referral.id),
    );
    expect(issued.filter((x) => x.referralId === referral.id)).toEqual([
      expect.objectContaining({
        agencyId: PEOPLE_COMMITTEE,
        agencyKind: 'people',
        caseNumber: kase.caseNumber,
      }),
    ]);
  });

  it('answers 404 for an unknown case, 422 for an unknown agency, 409 for a second open referral to the same agency', async () => {
    const kase = await register();
    await refer(kase.id);
    expect((await failure(refer(randomUUID()))).status).toBe(404);
    const unknownAgency = await failure(refer(kase.id, randomUUID()));
    expect([unknownAgency.status, unknownAgency.fields?.[0].field]).toEqual([422, 'agencyId']);
    const twice = await failure(refer(kase.id));
    expect(twice.status).toBe(409);
    expect(twice.messageZh).toContain('已派给');
  });
});

describe("applying the agency's events", () => {
  it('accepted then closed: referral, case status and timeline follow, and a replayed event changes nothing', async () => {
    const kase = await register();
    const referral = await refer(kase.id);
    const accepted = {
      referralId: referral.id,
      caseId: kase.id,
      agencyId: PEOPLE_COMMITTEE,
      agencyKind: 'people' as const,
      acceptedAt: new Date().toISOString(),
      acceptedBy: agencyActor,
    };
    await stores.publish(ReferralAcceptedV1, accepted);
    await stores.publish(ReferralAcceptedV1, accepted); // another copy under a new id: must not apply twice
    const inMediation = await eventually(
      () => getCase(kase.id),
      (c) => c.status === 'in_mediation',
    );
    expect(inMediation.status).toBe('in_mediation');

    await stores.publish(ReferralClosedV1, {
      referralId: referral.id,
      caseId: kase.id,
      agencyId: PEOPLE_COMMITTEE,
      agencyKind: 'people',
      outcome: 'resolved',
      note: '双方达成调解协议',
      closedAt: new Date().toISOString(),
      closedBy: agencyActor,
    });
    const closed = await eventually(
      () => getCase(kase.id),
      (c) => c.status === 'resolved',
    );
    expect(closed.status).toBe('resolved');
    expect(closed.referrals[0]).toMatchObject({
      status: 'closed',
      outcome: 'resolved',
      closingNote: '双方达成调解协议',
    });
    expect(closed.timeline.map((t) => t.step)).toEqual([
      'case_registered',
      'referral_issued',
      'referral_accepted',
      'referral_closed',
    ]);
    expect(closed.timeline[2]).toMatchObject({ actorName: '调解员甲', agencyName: '黄楼街道人民调解委员会' });
    expect((await failure(refer(kase.id, POLICE_STATION))).status).toBe(409); // a resolved case is not referred again
  });

  it('a close that overtakes its accept (redelivery) leaves the referral closed', async () => {
    const kase = await register();
    const referral = await refer(kase.id, POLICE_STATION);
    const common = {
      referralId: referral.id,
      caseId: kase.id,
      agencyId: POLICE_STATION,
      agencyKind: 'police' as const,
    };
    await stores.publish(ReferralClosedV1, {
      ...common,
      outcome: 'failed',
      note: '调解不成',
      closedAt: new Date().toISOString(),
      closedBy: agencyActor,
    });
    const failed = await eventually(
      () => getCase(kase.id),
      (c) => c.status === 'unresolved',
    );
    expect(failed.status).toBe('unresolved');
    await stores.publish(ReferralAcceptedV1, {
      ...common,
      acceptedAt: new Date().toISOString(),
      acceptedBy: agencyActor,
    });
    await new Promise((r) => setTimeout(r, 500));
    const after = await getCase(kase.id);
    expect(after.referrals[0].status).toBe('closed');
    expect(after.status).toBe('unresolved');
    // A failed mediation can be referred onward.
    expect((await refer(kase.id, PEOPLE_COMMITTEE)).status).toBe('issued');
  });

  it('a case handled by two agencies stays in mediation until both close, and a success is not undone by a later failure', async () => {
    const kase = await register();
    const a = await refer(kase.id, PEOPLE_COMMITTEE);
    const b = await send<ReferralView>(DispatchSubjects.referralIssue, {
      caseId: kase.id,
      agencyId: POLICE_STATION,
      role: 'co',
    });
    const close = (
      referralId: string,
      agencyId: string,
      agencyKind: 'people' | 'police',
      outcome: 'resolved' | 'failed',
    ) =>
      stores.publish(ReferralClosedV1, {
        referralId,
        caseId: kase.id,
        agencyId,
        agencyKind,
        outcome,
        note: outcome,
        closedAt: new Date().toISOString(),
        closedBy: agencyActor,
      });
    await close(a.id, PEOPLE_COMMITTEE, 'people', 'resolved');
    const oneClosed = await eventually(
      () => getCase(kase.id),
      (c) => c.referrals.some((r) => r.status === 'closed'),
    );
    expect(oneClosed.status).toBe('referred');
    await close(b.id, POLICE_STATION, 'police', 'failed');
    const bothClosed = await eventually(
      () => getCase(kase.id),
      (c) => c.referrals.every((r) => r.status === 'closed'),
    );
    expect(bothClosed.status).toBe('resolved');
  });
});

describe('the bus', () => {
  it('refuses a request the gateway did not sign, or signed with another key', async () => {
    for (const client of [
      stores.rpc(5000, null),
      stores.rpc(5000, 'someone-elses-key-that-is-long-enough!'),
    ]) {
      const e = await failure(client.request('dispatch', DispatchSubjects.caseList, TEST_ACTOR, {}));
      expect([e.status, e.code]).toEqual([401, 'UNAUTHENTICATED']);
    }
  });
});

describe('lists', () => {
  it('filter agencies by kind and jurisdiction subtree, and page', async () => {
    const police = await send<Page<{ kind: string }>>(DispatchSubjects.agencyList, { kind: 'police' });
    expect(police.total).toBe(4);
    expect(police.items.every((a) => a.kind === 'police')).toBe(true);
    const huanglou = await send<Page<{ jurisdictionCode: string }>>(DispatchSubjects.agencyList, {
      jurisdictionCode: '370781007',
      pageSize: 2,
      page: 2,
    });
    expect(huanglou.total).toBe(11); // 6 mediation agencies and 5 departments
    expect(huanglou.items).toHaveLength(2);
    expect(huanglou.items.every((a) => a.jurisdictionCode.startsWith('370781007'))).toBe(true);
  });

  it('filter cases by status and jurisdiction subtree', async () => {
    const wangfu = await send<Page<CaseSummaryView>>(DispatchSubjects.caseList, {
      jurisdictionCode: '370781001',
      status: 'registered',
    });
    expect(wangfu.total).toBeGreaterThanOrEqual(1);
    expect(
      wangfu.items.every((c) => c.jurisdictionCode.startsWith('370781001') && c.status === 'registered'),
    ).toBe(true);
  });
});
