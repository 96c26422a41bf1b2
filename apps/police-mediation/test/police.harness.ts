import { randomUUID } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AgencyServiceModule, loadAgencyConfig } from '@fengqiao/agency-kit';
import { agencySubjects, ReferralIssuedV1 } from '@fengqiao/contracts';
import type { Actor, InboxReferralView, Page } from '@fengqiao/contracts';
import type { HubError } from '@fengqiao/errors';
import type { RpcClient } from '@fengqiao/messaging';
import { bootService, DEMO_AGENCY, eventually, TEST_ACTOR, TestStores } from '@fengqiao/testing';
import { policeMediation } from '../src/service';
import { DispatchCases } from './dispatch-cases';

export { COMMITTEE, FAR_COMMITTEE } from './dispatch-cases';
export const STATION = DEMO_AGENCY.huanglouPolice;

/** Someone working at a station (黄楼 unless told). */
const officer = (id: string, name: string, role: Actor['role'], agencyId = STATION): Actor => ({
  id,
  name,
  role,
  agencyId,
});
/** A coordinator over an area. */
const coordinator = (id: string, jurisdictionCode: string): Actor => ({
  id,
  name: '张协调员',
  role: 'coordinator',
  jurisdictionCode,
});

export const CLERK = officer('u-hl-police', '陈民警', 'agency_staff');
/** A 警务助理: a mediator of the station. */
export const ASSISTANT = officer('u-hl-assistant', '王警务助理', 'mediator');
export const WANGFU_CLERK = officer('u-wf-police', '赵民警', 'agency_staff', DEMO_AGENCY.wangfuPolice);
export const HUANGLOU_COORDINATOR = coordinator('u-hl-coord', '370781007000');
export const WANGFU_COORDINATOR = coordinator('u-wf-coord', '370781001000');

export const police = agencySubjects('police');

/**
 * police-mediation on a scratch database and a private NATS server, dispatch's double beside it;
 * `forThisFile()` boots it before a spec file's tests and stops it after them.
 */
export class PoliceHarness {
  readonly police = police;
  stores!: TestStores;
  dispatch!: DispatchCases;
  private app!: INestMicroservice;
  private rpc!: RpcClient;

  private constructor() {}

  static forThisFile(): PoliceHarness {
    const h = new PoliceHarness();
    beforeAll(() => h.start());
    afterAll(() => h.stop());
    return h;
  }

  private async start(): Promise<void> {
    this.stores = await TestStores.start();
    this.dispatch = new DispatchCases(this.stores);
    // A short wait for dispatch, so a lost reply shows up quickly as 503.
    const config = loadAgencyConfig(this.stores.env({ RPC_TIMEOUT_MS: '1000' }));
    this.app = await bootService(
      AgencyServiceModule.forAgency(policeMediation, config),
      'police-mediation',
      this.stores,
    );
    this.rpc = this.stores.rpc(5000);
  }

  send<T>(subject: string, body: object, actor: Actor = CLERK): Promise<T> {
    return this.rpc.request<T>('police-mediation', subject, actor, body);
  }

  /** A station's inbox as its clerk sees it. */
  inbox(agencyId = STATION): Promise<Page<InboxReferralView>> {
    return this.send(police.inboxList, { agencyId, pageSize: 100 }, { ...CLERK, agencyId });
  }

  /** Rows of the police schema, read directly (to check what is stored). */
  query<T>(sql: string, params?: unknown[]): Promise<T[]> {
    return this.app.get(DataSource).query(sql, params);
  }

  /** A police referral in its station's inbox, accepted by the station's clerk unless `accept` is false. */
  async referral(over: Partial<ReferralIssuedV1> = {}, accept = true): Promise<ReferralIssuedV1> {
    const issued: ReferralIssuedV1 = {
      referralId: randomUUID(),
      caseId: randomUUID(),
      caseNumber: '370781-2026-000077',
      caseTitle: '邻里宅基地纠纷',
      disputeType: 'neighbour',
      jurisdictionCode: '370781007201',
      agencyId: STATION,
      agencyKind: 'police',
      issuedAt: new Date().toISOString(),
      issuedBy: TEST_ACTOR,
      ...over,
    };
    await this.stores.publish(ReferralIssuedV1, issued);
    const inInbox = (p: Page<InboxReferralView>) => p.items.some((r) => r.id === issued.referralId);
    expect(inInbox(await eventually(() => this.inbox(issued.agencyId), inInbox))).toBe(true);
    if (accept) {
      await this.send(
        police.referralAccept,
        { referralId: issued.referralId },
        { ...CLERK, agencyId: issued.agencyId },
      );
    }
    return issued;
  }

  /** Waits until `subject` holds at least `atLeast` events that `pick` chooses, and returns those. */
  async published<T>(subject: string, pick: (e: T) => boolean, atLeast = 1): Promise<T[]> {
    const chosen = async () => (await this.stores.events<T>(subject)).filter(pick);
    return eventually(chosen, (xs) => xs.length >= atLeast);
  }

  private async stop(): Promise<void> {
    await this.app?.close();
    this.dispatch?.double.close();
    await this.stores?.close();
  }
}

/** How a call failed; a call that succeeds fails the test. */
export { failure as refusal } from '@fengqiao/testing';

/** Status and the fields named, once each, in order. */
export const answer = (e: HubError) => [e.status, [...new Set((e.fields ?? []).map((f) => f.field))].sort()];
