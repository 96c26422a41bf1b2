import { randomUUID } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AgencyServiceModule, loadAgencyConfig } from '@fengqiao/agency-kit';
import {
  agencySubjects,
  ReferralIssuedV1,
  type Actor,
  type InboxReferralView,
  type Page,
} from '@fengqiao/contracts';
import type { RpcClient } from '@fengqiao/messaging';
import {
  bootService,
  DEMO_AGENCY,
  DispatchDouble,
  eventually,
  TEST_ACTOR,
  TestStores,
} from '@fengqiao/testing';
import { judicialMediation } from '../src/service';

export const HUANGLOU = DEMO_AGENCY.huanglouJudicial;
export const MIHE = DEMO_AGENCY.miheJudicial;
export const CLERK: Actor = { id: 'u-jclerk', name: '孙所员', role: 'agency_staff', agencyId: HUANGLOU };
export const MIHE_CLERK: Actor = { id: 'u-mclerk', name: '赵所员', role: 'agency_staff', agencyId: MIHE };
export const COORDINATOR = TEST_ACTOR;
export const inbox = agencySubjects('judicial');

/**
 * The judicial service booted on its own scratch database and NATS, with dispatch's double beside
 * it (the demo city's agencies; `dispatch.asked` is what the service asked dispatch).
 */
export class JudicialOffice {
  private constructor(
    readonly stores: TestStores,
    public app: INestMicroservice,
    readonly dispatch: DispatchDouble,
    private readonly rpc: RpcClient,
  ) {}

  static async start(): Promise<JudicialOffice> {
    const stores = await TestStores.start();
    const dispatch = DispatchDouble.start(stores);
    const app = await JudicialOffice.boot(stores);
    return new JudicialOffice(stores, app, dispatch, stores.rpc());
  }

  private static boot(stores: TestStores): Promise<INestMicroservice> {
    return bootService(
      AgencyServiceModule.forAgency(judicialMediation, loadAgencyConfig(stores.env())),
      'judicial-mediation',
      stores,
    );
  }

  /** Stops the service and boots it again on the same database and NATS. */
  async restart(): Promise<void> {
    await this.app.close();
    this.app = await JudicialOffice.boot(this.stores);
  }

  send<T>(subject: string, body: object, actor: Actor = CLERK): Promise<T> {
    return this.rpc.request<T>('judicial-mediation', subject, actor, body);
  }

  query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.app.get(DataSource).query<T[]>(sql, params);
  }

  /** A referral issued to the office, in its inbox; accepted unless told otherwise. */
  async aReferral(
    { accept = true, agencyId = HUANGLOU }: { accept?: boolean; agencyId?: string } = {},
    actor: Actor = CLERK,
  ): Promise<ReferralIssuedV1> {
    const e: ReferralIssuedV1 = {
      referralId: randomUUID(),
      caseId: randomUUID(),
      caseNumber: `370781-2026-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
      caseTitle: '拖欠劳务费纠纷',
      disputeType: 'labour',
      jurisdictionCode: '370781007201',
      agencyId,
      agencyKind: 'judicial',
      issuedAt: new Date().toISOString(),
      issuedBy: TEST_ACTOR,
    };
    await this.stores.publish(ReferralIssuedV1, e);
    const listed = (p: Page<InboxReferralView>) => p.items.some((r) => r.id === e.referralId);
    const page = await eventually(
      () => this.send<Page<InboxReferralView>>(inbox.inboxList, { agencyId, pageSize: 100 }, actor),
      listed,
    );
    expect(listed(page)).toBe(true);
    if (accept) await this.send(inbox.referralAccept, { referralId: e.referralId }, actor);
    return e;
  }

  /** Waits until a durable consumer of this service has applied (or skipped as applied) a message. */
  async applied(consumer: string, messageId: string): Promise<void> {
    const sql = 'SELECT 1 FROM judicial_mediation.inbox WHERE consumer = $1 AND message_id = $2';
    const rows = await eventually(
      () => this.query(sql, [`judicial-mediation__${consumer}`, messageId]),
      (r) => r.length === 1,
    );
    expect(rows).toHaveLength(1);
  }

  /** The events of one subject in the stream that satisfy `which`, once at least `count` are there. */
  async events<T>(subject: string, which: (e: T) => boolean, count = 1): Promise<T[]> {
    const all = await eventually(
      () => this.stores.events<T>(subject),
      (xs) => xs.filter(which).length >= count,
    );
    return all.filter(which);
  }

  async close(): Promise<void> {
    await this.app?.close();
    this.dispatch?.close();
    await this.stores?.close();
  }
}

export { failure } from '@fengqiao/testing';
