import { randomUUID } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  agencySubjects,
  CaseIdParams,
  DispatchSubjects,
  LawyerSubjects,
  ReferralIssuedV1,
  type Actor,
  type CasePartyLookupView,
  type EventContract,
  type InboxReferralView,
  type LawyerView,
  type Page,
  type PartyLookupEntry,
  type RegisterLawyerRequest,
} from '@fengqiao/contracts';
import { loadAgencyConfig, AgencyServiceModule } from '@fengqiao/agency-kit';
import { notFound } from '@fengqiao/errors';
import type { RpcClient } from '@fengqiao/messaging';
import { PersonalDataCipher, personalDataKeysFromEnv } from '@fengqiao/pii';
import {
  bootService,
  DEMO_AGENCY,
  DispatchDouble,
  eventually,
  TEST_ACTOR,
  TestStores,
} from '@fengqiao/testing';
import { lawyerMediation } from '../src/service';

export const STUDIO = DEMO_AGENCY.lawyerStudio;
export const CITY_STUDIO = DEMO_AGENCY.cityLawyerStudio;
const inbox = agencySubjects('lawyer');

export const CLERK: Actor = { id: 'u-lawyer-clerk', name: '韩文书', role: 'agency_staff', agencyId: STUDIO };
export const CITY_CLERK: Actor = {
  id: 'u-city-clerk',
  name: '冯文书',
  role: 'agency_staff',
  agencyId: CITY_STUDIO,
};
export const COORDINATOR: Actor = TEST_ACTOR;

/** The same development keys the service uses, as dispatch would hash the parties with. */
export const cipher = new PersonalDataCipher(personalDataKeysFromEnv({}).keys);

/** A party as dispatch holds it (clear), from which the double answers with hashes only. */
export interface TestParty {
  name: string;
  kind?: 'person' | 'organisation';
  role?: 'applicant' | 'respondent' | 'other';
  idNumber?: string;
}

export { failure } from '@fengqiao/testing';

let licences = 0;
/** A 17-digit licence number, different each call. */
export const licence = () => `13707201${String(++licences).padStart(9, '0')}`;

/** A 居民身份证号 of 青州 born on `birth` (YYYYMMDD), with its GB 11643 check character. */
export function idNumber(birth: string, sequence: number): string {
  const body = `370781${birth}${String(sequence).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

export const aLawyer = (over: Partial<RegisterLawyerRequest> = {}): RegisterLawyerRequest => ({
  name: '张明',
  firm: '山东正和律师事务所',
  licenceNumber: licence(),
  specialties: ['land', 'marriage_family'],
  languages: ['普通话', '青州话'],
  phone: '13812345678',
  yearsOfPractice: 12,
  published: true,
  introduction: '擅长土地和婚姻家庭纠纷调解。',
  ...over,
});

/**
 * The lawyer-mediation service booted on scratch stores, with a test double of dispatch answering
 * `dispatch.case.party_lookup.v1` on the real NATS server, from the cases a test declares.
 */
export class LawyerStudio {
  private constructor(
    readonly stores: TestStores,
    readonly app: INestMicroservice,
    readonly rpc: RpcClient,
    readonly dispatch: DispatchDouble,
    /** The cases dispatch knows, by id: their parties in order. */
    private readonly cases: Map<string, TestParty[]>,
  ) {}

  static async start(): Promise<LawyerStudio> {
    const stores = await TestStores.start();
    const cases = new Map<string, TestParty[]>();
    const dispatch = DispatchDouble.start(stores, {
      [DispatchSubjects.casePartyLookup]: {
        validates: CaseIdParams,
        answer: ({ caseId }: CaseIdParams) => lookupView(caseId, cases.get(caseId)),
      },
    });
    const app = await bootService(
      AgencyServiceModule.forAgency(lawyerMediation, loadAgencyConfig(stores.env())),
      'lawyer-mediation',
      stores,
    );
    return new LawyerStudio(stores, app, stores.rpc(), dispatch, cases);
  }

  /** What dispatch was asked for the parties of a case, and by whom. */
  get partyLookups(): { actor: Actor; caseId: string }[] {
    return this.dispatch.asked
      .filter((a) => a.subject === DispatchSubjects.casePartyLookup)
      .map((a) => ({ actor: a.actor, caseId: (a.body as CaseIdParams).caseId }));
  }

  async close(): Promise<void> {
    this.dispatch?.close();
    await this.app?.close();
    await this.stores?.close();
  }

  send<T>(subject: string, body: object, actor: Actor = CLERK): Promise<T> {
    return this.rpc.request<T>('lawyer-mediation', subject, actor, body);
  }

  get db(): DataSource {
    return this.app.get(DataSource);
  }

  register(over: Partial<RegisterLawyerRequest> = {}, agencyId = STUDIO, actor = CLERK): Promise<LawyerView> {
    return this.send<LawyerView>(LawyerSubjects.lawyerRegister, { ...aLawyer(over), agencyId }, actor);
  }

  /** A case dispatch knows, with its parties in order (position 0, 1 …). */
  aCase(parties: TestParty[]): string {
    const caseId = randomUUID();
    this.cases.set(caseId, parties);
    return caseId;
  }

  /** A referral of `caseId` to the studio, received and accepted (签收). */
  async anAcceptedReferral(caseId: string, agencyId = STUDIO, clerk = CLERK): Promise<string> {
    const referralId = await this.anIssuedReferral(caseId, agencyId, clerk);
    await this.send(inbox.referralAccept, { referralId }, clerk);
    return referralId;
  }

  async anIssuedReferral(caseId: string, agencyId = STUDIO, clerk = CLERK): Promise<string> {
    const referralId = randomUUID();
    await this.stores.publish(ReferralIssuedV1, {
      referralId,
      caseId,
      caseNumber: '370781-2026-000042',
      caseTitle: '宅基地边界纠纷',
      disputeType: 'land',
      jurisdictionCode: '370781007201',
      agencyId,
      agencyKind: 'lawyer',
      issuedAt: new Date().toISOString(),
      issuedBy: TEST_ACTOR,
    });
    await eventually(
      () => this.send<Page<InboxReferralView>>(inbox.inboxList, { agencyId, pageSize: 100 }, clerk),
      (p) => p.items.some((r) => r.id === referralId),
    );
    return referralId;
  }

  async mediatorInCharge(referralId: string): Promise<string | null> {
    const [row] = await this.db.query<{ mediator_id: string | null }[]>(
      'SELECT mediator_id FROM lawyer_mediation.referrals WHERE id = $1',
      [referralId],
    );
    return row.mediator_id;
  }

  /** The events on a subject about one thing, waiting until `count` have arrived. */
  async events<T>(subject: string, about: (e: T) => boolean, count = 1): Promise<T[]> {
    const all = await eventually(
      () => this.stores.events<T>(subject),
      (x) => x.filter(about).length >= count,
    );
    return all.filter(about);
  }

  /** The events of one kind about a referral, waiting until `count` have arrived. */
  referralEvents<T extends { referralId: string }>(
    event: EventContract<T>,
    referralId: string,
    count = 1,
  ): Promise<T[]> {
    return this.events<T>(event.subject, (e) => e.referralId === referralId, count);
  }
}

/** Dispatch's answer: names and lookup hashes, never the clear ID numbers; 404 for an unknown case. */
function lookupView(caseId: string, parties: TestParty[] | undefined): CasePartyLookupView {
  if (!parties) throw notFound('case', '案件', caseId);
  return {
    caseId,
    parties: parties.map((p, position): PartyLookupEntry => ({
      position,
      name: p.name,
      kind: p.kind ?? 'person',
      role: p.role ?? (position === 0 ? 'applicant' : 'respondent'),
      nameHash: cipher.lookupHash(p.name),
      ...(p.idNumber ? { idNumberHash: cipher.lookupHash(p.idNumber) } : {}),
    })),
  };
}
