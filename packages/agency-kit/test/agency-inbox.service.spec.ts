import { randomUUID } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import {
  agencySubjects,
  ReferralAcceptedV1,
  ReferralClosedV1,
  ReferralIssuedV1,
  type AgencyKind,
  type InboxReferralView,
  type Page,
} from '@fengqiao/contracts';
import type { HubError } from '@fengqiao/errors';
import type { RpcClient } from '@fengqiao/messaging';
import { bootService, DEMO_AGENCY, eventually, TEST_ACTOR, TestStores } from '@fengqiao/testing';
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
const failure = (p: Promise<unknown>) =>
  p.then(
    () => Promise.reject(new Error('expected a failure')),
    (e: HubError) => e,
  );
const inbox = (status?: string) =>
  send<Page<InboxReferralView>>(subjects.inboxList, { agencyId: COMMITTEE, ...(status ? { status } : {}) });

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
      send(subjects.referralClose, { referralId: e.referralId, outcome: 'resolved', note: 'x' }),
    );
    expect([early.status, early.messageZh]).toEqual([
      409,
      '派单待签收，不能办结（只有已签收的派单可以办结）',
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
});
