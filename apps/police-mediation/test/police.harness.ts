import { randomUUID } from 'node:crypto';
import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, Payload, Transport } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { DEVELOPMENT_ACTOR_SIGNING_KEY } from '@fengqiao/access-token';
import { AgencyServiceModule, loadAgencyConfig } from '@fengqiao/agency-kit';
import {
  agencySubjects,
  AgencyIdParams,
  DispatchSubjects,
  ReferralIssuedV1,
  RegisterCaseCommand,
  type Actor,
  type AgencyView,
  type InboxReferralView,
  type Page,
} from '@fengqiao/contracts';
import { notFound, unprocessable, type HubError } from '@fengqiao/errors';
import { inputValidationPipe, RpcErrorFilter, SignedRequestGuard } from '@fengqiao/service-runtime';
import type { RpcClient } from '@fengqiao/messaging';
import { bootService, DEMO_AGENCY, eventually, TEST_ACTOR, TestStores } from '@fengqiao/testing';
import { policeMediation } from '../src/service';

export const STATION = DEMO_AGENCY.huanglouPolice;
export const COMMITTEE = DEMO_AGENCY.huanglouCommittee;
/** A people's mediation committee in another district (潍城区), too far for 警调对接. */
export const FAR_COMMITTEE = '6a1f0c00-0000-4000-8000-0000000003ff';

export const CLERK: Actor = { id: 'u-hl-police', name: '陈民警', role: 'agency_staff', agencyId: STATION };
/** A 警务助理: a mediator of the station. */
export const ASSISTANT: Actor = {
  id: 'u-hl-assistant',
  name: '王警务助理',
  role: 'mediator',
  agencyId: STATION,
};
export const WANGFU_CLERK: Actor = {
  id: 'u-wf-police',
  name: '赵民警',
  role: 'agency_staff',
  agencyId: DEMO_AGENCY.wangfuPolice,
};
export const HUANGLOU_COORDINATOR: Actor = {
  id: 'u-hl-coord',
  name: '张协调员',
  role: 'coordinator',
  jurisdictionCode: '370781007000',
};
export const WANGFU_COORDINATOR: Actor = {
  ...HUANGLOU_COORDINATOR,
  id: 'u-wf-coord',
  jurisdictionCode: '370781001000',
};

export const police = agencySubjects('police');

const agency = (
  id: string,
  name: string,
  kind: AgencyView['kind'],
  jurisdictionCode: string,
): AgencyView => ({
  id,
  name,
  kind,
  jurisdictionCode,
  jurisdictionName: name,
  capacity: 40,
  published: false,
  specialties: [],
});

/** Dispatch's agencies as the tests need them. */
const AGENCIES = [
  agency(STATION, '青州市公安局黄楼派出所', 'police', '370781007000'),
  agency(DEMO_AGENCY.wangfuPolice, '青州市公安局王府派出所', 'police', '370781001000'),
  agency(COMMITTEE, '黄楼街道人民调解委员会', 'people', '370781007000'),
  agency(DEMO_AGENCY.huanglouJudicial, '青州市司法局黄楼司法所', 'judicial', '370781007000'),
  agency(FAR_COMMITTEE, '潍城区北关街道人民调解委员会', 'people', '370702004000'),
];

/**
 * A test double of dispatch (not of NATS): its agency look-up and its case registration, behind the
 * same signature check and input validation as the real one, so what the police service sends is
 * checked as dispatch would. Registration is idempotent per (caller, key) like dispatch's.
 */
export class DispatchDouble {
  readonly registrations: { actor: Actor; body: RegisterCaseCommand }[] = [];
  readonly cases = new Map<string, { id: string; caseNumber: string }>();
  /** Titles whose next registration succeeds but whose reply is lost (too late for the caller). */
  readonly loseReplyFor = new Set<string>();

  register(actor: Actor, body: RegisterCaseCommand) {
    this.registrations.push({ actor, body });
    if (body.disputeType === 'no_such_type') {
      throw unprocessable('disputeType', `unknown dispute type ${body.disputeType}`, '纠纷类型不存在');
    }
    const key = `${actor.id}/${body.idempotencyKey}`;
    const kase = this.cases.get(key) ?? {
      id: randomUUID(),
      caseNumber: `370781-2026-${String(this.cases.size + 1).padStart(6, '0')}`,
    };
    this.cases.set(key, kase);
    return { ...kase, title: body.title, channel: body.channel, status: 'registered' };
  }

  registrationsOf(idempotencyKey: string) {
    return this.registrations.filter((r) => r.body.idempotencyKey === idempotencyKey);
  }
}

const dispatchDouble = new DispatchDouble();

@Controller()
class DispatchDoubleHandlers {
  @MessagePattern(DispatchSubjects.agencyGet)
  agency(@Payload('body') { agencyId }: AgencyIdParams): AgencyView {
    const found = AGENCIES.find((a) => a.id === agencyId);
    if (!found) throw notFound('agency', '单位', agencyId);
    return found;
  }

  @MessagePattern(DispatchSubjects.caseRegister)
  async register(@Payload('actor') actor: Actor, @Payload('body') body: RegisterCaseCommand) {
    const reply = dispatchDouble.register(actor, body);
    if (dispatchDouble.loseReplyFor.delete(body.title)) await new Promise((r) => setTimeout(r, 1500));
    return reply;
  }
}

@Module({ controllers: [DispatchDoubleHandlers] })
class DispatchDoubleModule {}

/** police-mediation on a scratch database and a private NATS server, dispatch's double beside it. */
export class PoliceHarness {
  readonly dispatch = dispatchDouble;
  readonly police = police;
  private readonly rpc: RpcClient;

  private constructor(
    readonly stores: TestStores,
    private readonly app: INestMicroservice,
    private readonly double: INestMicroservice,
  ) {
    this.rpc = stores.rpc(5000);
  }

  static async start(): Promise<PoliceHarness> {
    const stores = await TestStores.start();
    const double = NestFactory.createMicroservice(DispatchDoubleModule, {
      transport: Transport.NATS,
      options: { servers: [stores.nats.url], queue: 'dispatch' },
      logger: false,
    });
    const dispatch = await double;
    dispatch.useGlobalGuards(new SignedRequestGuard(DEVELOPMENT_ACTOR_SIGNING_KEY));
    dispatch.useGlobalPipes(inputValidationPipe());
    dispatch.useGlobalFilters(new RpcErrorFilter());
    await dispatch.listen();
    // A short wait for dispatch, so a lost reply shows up quickly as 503.
    const config = loadAgencyConfig(stores.env({ RPC_TIMEOUT_MS: '1000' }));
    const app = await bootService(
      AgencyServiceModule.forAgency(policeMediation, config),
      'police-mediation',
      stores,
    );
    return new PoliceHarness(stores, app, dispatch);
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

  async stop(): Promise<void> {
    await this.app?.close();
    await this.double?.close();
    await this.stores?.close();
  }
}

/** How a call failed; a call that succeeds fails the test. */
export async function refusal(call: Promise<unknown>): Promise<HubError> {
  try {
    await call;
  } catch (e) {
    return e as HubError;
  }
  throw new Error('the call was expected to fail');
}

/** Status and the fields named, once each, in order. */
export const answer = (e: HubError) => [e.status, [...new Set((e.fields ?? []).map((f) => f.field))].sort()];
