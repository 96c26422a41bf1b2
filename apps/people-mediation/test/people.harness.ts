import { randomUUID } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import { AgencyServiceModule, loadAgencyConfig } from '@fengqiao/agency-kit';
import {
  agencySubjects,
  ReferralIssuedV1,
  type Actor,
  type AgencyView,
  type InboxReferralView,
  type Page,
} from '@fengqiao/contracts';
import type { HubError } from '@fengqiao/errors';
import {
  bootService,
  DEMO_AGENCY,
  DEMO_AGENCY_VIEWS,
  DispatchDouble,
  eventually,
  TEST_ACTOR,
  TestStores,
} from '@fengqiao/testing';
import { peopleMediation } from '../src/service';

export const TRAFFIC_COMMITTEE = '6a1f0c00-0000-4000-8000-000000000304';
export const { huanglouCommittee: HUANGLOU, luliCommittee: LULI, medicalCommittee: MEDICAL } = DEMO_AGENCY;

/**
 * What dispatch says of the agencies the tests name: the demo city (the 医调委 and 交调委 routed
 * their specialties) and the 黄楼人民法庭, a unit a committee may be stationed in.
 */
const AGENCIES: AgencyView[] = [
  ...DEMO_AGENCY_VIEWS,
  {
    id: DEMO_AGENCY.huanglouCourt,
    name: '黄楼人民法庭',
    kind: 'department',
    jurisdictionCode: '370781007000',
    jurisdictionName: '黄楼街道',
    capacity: 0,
    published: false,
    specialties: [],
  },
];

export const CLERK: Actor = { id: 'u-pclerk', name: '刘文书', role: 'agency_staff', agencyId: HUANGLOU };
export const MEDIATOR: Actor = { id: 'u-pmediator', name: '李明', role: 'mediator', agencyId: HUANGLOU };
export const LULI_CLERK: Actor = { id: 'u-luli', name: '卢文书', role: 'agency_staff', agencyId: LULI };
export const ADMIN: Actor = { id: 'u-admin', name: '系统管理员', role: 'admin' };
export const COORDINATOR = TEST_ACTOR;
export const kit = agencySubjects('people');

export interface PeopleService {
  stores: TestStores;
  /** Dispatch's double: what the service asked it (the service must ask as its caller). */
  dispatch: DispatchDouble;
  send<T>(subject: string, body: object, actor?: Actor): Promise<T>;
  /** A referral issued to a committee and in its inbox; accepted unless `accept: false`. */
  referral(opts?: { agencyId?: string; actor?: Actor; accept?: boolean }): Promise<ReferralIssuedV1>;
  /** The events on a subject that `which` picks, once there are `count` of them. */
  events<T>(subject: string, which: (e: T) => boolean, count?: number): Promise<T[]>;
  close(): Promise<void>;
}

/** people-mediation booted on a scratch database and a private NATS, with dispatch's double beside it. */
export async function startPeopleService(): Promise<PeopleService> {
  const stores = await TestStores.start();
  const dispatch = DispatchDouble.start(stores, {}, AGENCIES);
  const app: INestMicroservice = await bootService(
    AgencyServiceModule.forAgency(peopleMediation, loadAgencyConfig(stores.env())),
    'people-mediation',
    stores,
  );
  const rpc = stores.rpc();
  const send = <T>(subject: string, body: object, actor: Actor = CLERK) =>
    rpc.request<T>('people-mediation', subject, actor, body);

  return {
    stores,
    dispatch,
    send,
    async referral({ agencyId = HUANGLOU, actor = CLERK, accept = true } = {}) {
      const issued: ReferralIssuedV1 = {
        referralId: randomUUID(),
        caseId: randomUUID(),
        caseNumber: '370781-2026-000042',
        caseTitle: '宅基地界墙纠纷',
        disputeType: 'land',
        jurisdictionCode: '370781007201',
        agencyId,
        agencyKind: 'people',
        issuedAt: new Date(Date.now() - 3600_000).toISOString(),
        issuedBy: TEST_ACTOR,
      };
      await stores.publish(ReferralIssuedV1, issued);
      const inInbox = (p: Page<InboxReferralView>) => p.items.some((r) => r.id === issued.referralId);
      const inbox = await eventually(
        () => send<Page<InboxReferralView>>(kit.inboxList, { agencyId, pageSize: 100 }, actor),
        inInbox,
      );
      expect(inInbox(inbox)).toBe(true);
      if (accept) await send(kit.referralAccept, { referralId: issued.referralId }, actor);
      return issued;
    },
    async events<T>(subject: string, which: (e: T) => boolean, count = 1) {
      const all = await eventually(
        () => stores.events<T>(subject),
        (xs) => xs.filter(which).length >= count,
      );
      return all.filter(which);
    },
    async close() {
      await app?.close();
      dispatch.close();
      await stores?.close();
    },
  };
}

/** The service for one spec file: booted before its tests, stopped after them. */
export function peopleServiceForThisFile(): PeopleService {
  let booted: PeopleService | undefined;
  beforeAll(async () => {
    booted = await startPeopleService();
  });
  afterAll(async () => {
    await booted?.close();
  });
  const service = () => {
    if (!booted) throw new Error('people-mediation is not booted yet (use it inside a test)');
    return booted;
  };
  return {
    get stores() {
      return service().stores;
    },
    get dispatch() {
      return service().dispatch;
    },
    send: (subject, body, actor) => service().send(subject, body, actor),
    referral: (opts) => service().referral(opts),
    events: (subject, which, count) => service().events(subject, which, count),
    close: () => service().close(),
  };
}

/** The HubError a call failed with; a call that succeeds fails the test. */
export function failure(p: Promise<unknown>): Promise<HubError> {
  return p.then(
    () => Promise.reject(new Error('expected the call to fail')),
    (e: HubError) => e,
  );
}

/** The fields a 400 or 422 names, sorted and once each. */
export const fieldsOf = (e: HubError) => [...new Set((e.fields ?? []).map((f) => f.field))].sort();
