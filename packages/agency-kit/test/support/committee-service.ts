import { randomUUID } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import type { Subscription } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import {
  agencySubjects,
  DispatchSubjects,
  ReferralIssuedV1,
  type Actor,
  type AgencyView,
  type InboxReferralView,
  type Page,
} from '@fengqiao/contracts';
import type { RpcClient } from '@fengqiao/messaging';
import { bootService, DEMO_AGENCY, eventually, TEST_ACTOR, TestStores } from '@fengqiao/testing';
import { AgencyServiceModule, loadAgencyConfig } from '../../src';

/** The kit booted as people-mediation, for 黄楼街道人民调解委员会, with the people who work there. */
export const COMMITTEE = DEMO_AGENCY.huanglouCommittee;
export const subjects = agencySubjects('people');
export const CLERK = { id: 'u-clerk', name: '刘文书', role: 'agency_staff', agencyId: COMMITTEE };
export const MEDIATOR = { id: 'u-zhang', name: '张调解员', role: 'mediator', agencyId: COMMITTEE };
export const OTHER_CLERK = {
  id: 'u-other',
  name: '赵文书',
  role: 'agency_staff',
  agencyId: DEMO_AGENCY.luliCommittee,
};

const THE_COMMITTEE: AgencyView = {
  id: COMMITTEE,
  name: '黄楼街道人民调解委员会',
  kind: 'people',
  jurisdictionCode: '370781007000',
  jurisdictionName: '黄楼街道',
  capacity: 50,
  published: false,
  specialties: [],
};

export { failure } from '@fengqiao/testing';

export class CommitteeService {
  private constructor(
    readonly stores: TestStores,
    readonly app: INestMicroservice,
    private readonly rpc: RpcClient,
    private readonly dispatchDouble: Subscription,
  ) {}

  static async start(): Promise<CommitteeService> {
    const stores = await TestStores.start();
    const dispatchDouble = answerAgencyGet(stores);
    const app = await bootService(
      AgencyServiceModule.forAgency({ kind: 'people' }, loadAgencyConfig(stores.env())),
      'people-mediation',
      stores,
    );
    return new CommitteeService(stores, app, stores.rpc(60000), dispatchDouble);
  }

  send<T>(subject: string, body: object, actor: object = CLERK): Promise<T> {
    return this.rpc.request<T>('people-mediation', subject, actor as Actor, body);
  }

  db(): DataSource {
    return this.app.get(DataSource);
  }

  /** A referral issued to the committee, arrived in its inbox and accepted (签收) by the clerk. */
  async anAcceptedReferral(over: Partial<ReferralIssuedV1> = {}): Promise<ReferralIssuedV1> {
    const e = await this.anIssuedReferral(over);
    await this.send(subjects.referralAccept, { referralId: e.referralId });
    return e;
  }

  async anIssuedReferral(over: Partial<ReferralIssuedV1> = {}): Promise<ReferralIssuedV1> {
    const e: ReferralIssuedV1 = {
      referralId: randomUUID(),
      caseId: randomUUID(),
      caseNumber: '370781-2026-000042',
      caseTitle: '楼上漏水致楼下受损纠纷',
      disputeType: 'neighbour',
      jurisdictionCode: '370781007201',
      agencyId: COMMITTEE,
      agencyKind: 'people',
      issuedAt: new Date(Date.now() - 3600_000).toISOString(),
      issuedBy: TEST_ACTOR,
      ...over,
    };
    await this.stores.publish(ReferralIssuedV1, e);
    await eventually(
      () => this.send<Page<InboxReferralView>>(subjects.inboxList, { agencyId: COMMITTEE, pageSize: 100 }),
      (p) => p.items.some((r) => r.id === e.referralId),
    );
    return e;
  }

  async close(): Promise<void> {
    this.dispatchDouble.unsubscribe();
    await this.app.close();
    await this.stores.close();
  }
}

/**
 * A test double of dispatch (not of NATS): answers dispatch.agency.get.v1 for the committee the way
 * Nest's NATS transport replies, so drafting an agreement learns the committee's name and place.
 */
function answerAgencyGet(stores: TestStores): Subscription {
  return stores.nc.subscribe(DispatchSubjects.agencyGet, {
    callback: (_, msg) => {
      const packet = msg.json<{ id: string; data: { body: { agencyId: string } } }>();
      const reply =
        packet.data.body.agencyId === COMMITTEE
          ? { id: packet.id, response: THE_COMMITTEE, isDisposed: true }
          : {
              id: packet.id,
              err: { status: 404, code: 'NOT_FOUND', message: 'agency not found', messageZh: '单位不存在' },
              isDisposed: true,
            };
      msg.respond(JSON.stringify(reply));
    },
  });
}
