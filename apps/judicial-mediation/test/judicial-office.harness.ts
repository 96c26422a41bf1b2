import { randomUUID } from 'node:crypto';
import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, Payload, RpcException, Transport } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { AgencyServiceModule, loadAgencyConfig } from '@fengqiao/agency-kit';
import {
  agencySubjects,
  DispatchSubjects,
  ReferralIssuedV1,
  type Actor,
  type AgencyIdParams,
  type AgencyView,
  type InboxReferralView,
  type ListAgenciesQuery,
  type Page,
} from '@fengqiao/contracts';
import { notFound, type HubError } from '@fengqiao/errors';
import type { RpcClient } from '@fengqiao/messaging';
import { bootService, DEMO_AGENCY, eventually, TEST_ACTOR, TestStores } from '@fengqiao/testing';
import { judicialMediation } from '../src/service';

/** The agencies of the demo city the tests touch, as dispatch would describe them. */
export const AGENCIES: AgencyView[] = [
  agency(DEMO_AGENCY.huanglouJudicial, '青州市司法局黄楼司法所', 'judicial', '370781007000', '黄楼街道'),
  agency(DEMO_AGENCY.miheJudicial, '青州市司法局弥河司法所', 'judicial', '370781100000', '弥河镇'),
  agency(DEMO_AGENCY.huanglouCommittee, '黄楼街道人民调解委员会', 'people', '370781007000', '黄楼街道'),
  agency(DEMO_AGENCY.luliCommittee, '卢李村人民调解委员会', 'people', '370781007201', '卢李村'),
  agency(DEMO_AGENCY.medicalCommittee, '青州市医疗纠纷人民调解委员会', 'people', '370781000000', '青州市'),
  agency(DEMO_AGENCY.miheCommittee, '闵家村人民调解委员会', 'people', '370781100201', '闵家村'),
  agency(DEMO_AGENCY.huanglouPolice, '青州市公安局黄楼派出所', 'police', '370781007000', '黄楼街道'),
];

function agency(id: string, name: string, kind: string, code: string, place: string): AgencyView {
  return {
    id,
    name,
    kind: kind as AgencyView['kind'],
    jurisdictionCode: code,
    jurisdictionName: place,
    capacity: 50,
    published: false,
    specialties: [],
  };
}

/** Every code of a subtree starts with these digits (dispatch's rule, restated for the double). */
function subtree(code: string): string {
  const full = code.padEnd(12, '0');
  if (full.endsWith('00000000')) return full.slice(0, 4);
  if (full.endsWith('000000')) return full.slice(0, 6);
  if (full.endsWith('000')) return full.slice(0, 9);
  return full;
}

/** What the double of dispatch was asked, to check the service asks the right thing. */
export const dispatchAsked: { subject: string; body: object }[] = [];

/**
 * A test double of dispatch (not of NATS): it answers dispatch's agency subjects over the test's
 * private NATS, from the table above, as dispatch answers them.
 */
@Controller()
class DispatchAgenciesDouble {
  @MessagePattern(DispatchSubjects.agencyGet)
  get(@Payload('body') body: AgencyIdParams): AgencyView {
    dispatchAsked.push({ subject: DispatchSubjects.agencyGet, body });
    const found = AGENCIES.find((a) => a.id === body.agencyId);
    if (!found) throw new RpcException(notFound('agency', '单位', body.agencyId).toBody());
    return found;
  }

  @MessagePattern(DispatchSubjects.agencyList)
  list(@Payload('body') q: ListAgenciesQuery): Page<AgencyView> {
    dispatchAsked.push({ subject: DispatchSubjects.agencyList, body: q });
    const all = AGENCIES.filter(
      (a) =>
        (!q.kind || a.kind === q.kind) &&
        (!q.jurisdictionCode || a.jurisdictionCode.startsWith(subtree(q.jurisdictionCode))),
    ).sort((a, b) => a.jurisdictionCode.localeCompare(b.jurisdictionCode) || a.name.localeCompare(b.name));
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    return { items: all.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: all.length };
  }
}

@Module({ controllers: [DispatchAgenciesDouble] })
class DispatchDoubleModule {}

export const HUANGLOU = DEMO_AGENCY.huanglouJudicial;
export const MIHE = DEMO_AGENCY.miheJudicial;
export const CLERK: Actor = { id: 'u-jclerk', name: '孙所员', role: 'agency_staff', agencyId: HUANGLOU };
export const MIHE_CLERK: Actor = { id: 'u-mclerk', name: '赵所员', role: 'agency_staff', agencyId: MIHE };
export const COORDINATOR = TEST_ACTOR;
export const inbox = agencySubjects('judicial');

/** The judicial service booted on its own scratch database and NATS, with dispatch's double beside it. */
export class JudicialOffice {
  private constructor(
    readonly stores: TestStores,
    public app: INestMicroservice,
    private readonly dispatch: INestMicroservice,
    private readonly rpc: RpcClient,
  ) {}

  static async start(): Promise<JudicialOffice> {
    const stores = await TestStores.start();
    const dispatch = await NestFactory.createMicroservice(DispatchDoubleModule, {
      transport: Transport.NATS,
      options: { servers: [stores.nats.url], queue: 'dispatch' },
      logger: false,
    });
    await dispatch.listen();
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
    await this.dispatch?.close();
    await this.stores?.close();
  }
}

/** The HubError a call failed with (and a test failure if it succeeded). */
export const failure = (p: Promise<unknown>): Promise<HubError> =>
  p.then(
    () => Promise.reject(new Error('expected a failure')),
    (e: HubError) => e,
  );
