import { randomUUID } from 'node:crypto';
import { DispatchSubjects, RegisterCaseCommand, type Actor, type AgencyView } from '@fengqiao/contracts';
import { unprocessable } from '@fengqiao/errors';
import { DEMO_AGENCY, DEMO_AGENCY_VIEWS, DispatchDouble, type TestStores } from '@fengqiao/testing';

export const COMMITTEE = DEMO_AGENCY.huanglouCommittee;
/** A people's mediation committee in another district (潍城区), too far for 警调对接. */
export const FAR_COMMITTEE = '6a1f0c00-0000-4000-8000-0000000003ff';

/**
 * What dispatch says of the agencies: the demo city, and a committee like 黄楼's but in another
 * district, for 警调对接 to refuse.
 */
const AGENCIES: AgencyView[] = [
  ...DEMO_AGENCY_VIEWS,
  {
    ...DEMO_AGENCY_VIEWS.find((a) => a.id === COMMITTEE)!,
    id: FAR_COMMITTEE,
    name: '潍城区北关街道人民调解委员会',
    jurisdictionCode: '370702004000',
    jurisdictionName: '北关街道',
  },
];

/**
 * Dispatch's double (packages/testing) with its case registration, validated as dispatch validates
 * it and idempotent per (caller, key) like dispatch's, so what the police service sends is checked
 * as dispatch would.
 */
export class DispatchCases {
  readonly double: DispatchDouble;
  readonly cases = new Map<string, { id: string; caseNumber: string }>();
  /** Titles whose next registration succeeds but whose reply is lost (too late for the caller). */
  readonly loseReplyFor = new Set<string>();

  constructor(stores: TestStores) {
    this.double = DispatchDouble.start(
      stores,
      {
        [DispatchSubjects.caseRegister]: {
          validates: RegisterCaseCommand,
          answer: (body: RegisterCaseCommand, actor: Actor) => this.register(actor, body),
        },
      },
      AGENCIES,
    );
  }

  /** The registrations dispatch was asked for, in order. */
  get registrations(): { actor: Actor; body: RegisterCaseCommand }[] {
    return this.double.asked.filter((a) => a.subject === DispatchSubjects.caseRegister);
  }

  registrationsOf(idempotencyKey: string) {
    return this.registrations.filter((r) => r.body.idempotencyKey === idempotencyKey);
  }

  private async register(actor: Actor, body: RegisterCaseCommand) {
    if (body.disputeType === 'no_such_type') {
      throw unprocessable('disputeType', `unknown dispute type ${body.disputeType}`, '纠纷类型不存在');
    }
    const key = `${actor.id}/${body.idempotencyKey}`;
    const kase = this.cases.get(key) ?? {
      id: randomUUID(),
      caseNumber: `370781-2026-${String(this.cases.size + 1).padStart(6, '0')}`,
    };
    this.cases.set(key, kase);
    if (this.loseReplyFor.delete(body.title)) await new Promise((r) => setTimeout(r, 1500));
    return { ...kase, title: body.title, channel: body.channel, status: 'registered' };
  }
}
