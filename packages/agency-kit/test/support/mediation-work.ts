import { randomUUID } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  agencySubjects,
  AGENCY_SERVICE,
  ReferralIssuedV1,
  type Actor,
  type AgencyKind,
  type InboxReferralView,
  type MediatorView,
  type RegisterMediatorRequest,
} from '@fengqiao/contracts';
import type { RpcClient } from '@fengqiao/messaging';
import { bootService, eventually, TEST_ACTOR, TestStores } from '@fengqiao/testing';
import { AgencyServiceModule, agencySchema, loadAgencyConfig } from '../../src';

/** Someone of an agency: its clerk (agency_staff) unless the role says otherwise. */
export const staffOf = (agencyId: string, id = 'u-clerk', name = '刘文书', role = 'agency_staff'): Actor => ({
  id,
  name,
  role,
  agencyId,
});

/** A coordinator of the town centre: reads an agency's lists, works on none of them. */
export const COORDINATOR = TEST_ACTOR;

export { failure } from '@fengqiao/testing';

/**
 * The agency kit booted as one kind's service on a scratch database and a private NATS server,
 * with what its service tests do over and over: issue a referral into an inbox, work on it as
 * someone, read the events it wrote.
 */
export class KitUnderTest {
  private constructor(
    readonly kind: AgencyKind,
    readonly stores: TestStores,
    readonly app: INestMicroservice,
    private readonly rpc: RpcClient,
  ) {}

  static async start(kind: AgencyKind, env: Record<string, string> = {}): Promise<KitUnderTest> {
    const stores = await TestStores.start();
    const app = await bootService(
      AgencyServiceModule.forAgency({ kind }, loadAgencyConfig(stores.env(env))),
      AGENCY_SERVICE[kind],
      stores,
    );
    return new KitUnderTest(kind, stores, app, stores.rpc());
  }

  get subjects() {
    return agencySubjects(this.kind);
  }

  async close(): Promise<void> {
    await this.app?.close();
    await this.stores?.close();
  }

  send<T>(subject: string, body: object, actor: Actor): Promise<T> {
    return this.rpc.request<T>(AGENCY_SERVICE[this.kind], subject, actor, body);
  }

  /** SQL on the service's own schema (`$schema` stands for it). */
  sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
    return this.app
      .get(DataSource)
      .query<T[]>(text.replaceAll('$schema', `"${agencySchema(this.kind)}"`), params);
  }

  /** Issues a referral to the agency and waits until it is in the inbox. */
  async issued(agencyId: string, over: Partial<ReferralIssuedV1> = {}): Promise<ReferralIssuedV1> {
    const e: ReferralIssuedV1 = {
      referralId: randomUUID(),
      caseId: randomUUID(),
      caseNumber: '370781-2026-000042',
      caseTitle: '邻里漏水纠纷',
      disputeType: 'neighbour',
      jurisdictionCode: '370781007201',
      agencyId,
      agencyKind: this.kind,
      issuedAt: new Date().toISOString(),
      issuedBy: TEST_ACTOR,
      ...over,
    };
    await this.stores.publish(ReferralIssuedV1, e);
    await eventually(
      () => this.sql('SELECT 1 FROM $schema.referrals WHERE id = $1', [e.referralId]),
      (rows) => rows.length === 1,
    );
    return e;
  }

  /** An issued referral its clerk has accepted (签收). */
  async accepted(clerk: Actor, over: Partial<ReferralIssuedV1> = {}): Promise<ReferralIssuedV1> {
    const e = await this.issued(clerk.agencyId!, over);
    await this.send<InboxReferralView>(this.subjects.referralAccept, { referralId: e.referralId }, clerk);
    return e;
  }

  registerMediator(clerk: Actor, input: RegisterMediatorRequest): Promise<MediatorView> {
    return this.send<MediatorView>(
      this.subjects.mediatorRegister,
      { agencyId: clerk.agencyId, ...input },
      clerk,
    );
  }

  /** The events on `subject` about one referral, once `count` of them have been published. */
  async events<T extends { referralId?: string }>(
    subject: string,
    referralId: string,
    count = 1,
  ): Promise<T[]> {
    const mine = (all: T[]) => all.filter((e) => e.referralId === referralId);
    return mine(
      await eventually(
        () => this.stores.events<T>(subject),
        (all) => mine(all).length >= count,
      ),
    );
  }

  /** What the commands on a referral wrote to the outbox, by subject, in order (published or not). */
  async written(referralId: string): Promise<string[]> {
    const rows = await this.sql<{ subject: string }>(
      "SELECT subject FROM $schema.outbox WHERE payload->>'referralId' = $1 ORDER BY seq",
      [referralId],
    );
    return rows.map((r) => r.subject);
  }
}
