import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Subscription } from '@nats-io/transport-node';
import {
  subtreePrefix,
  type Actor,
  type AgencyView,
  type ListAgenciesQuery,
  type Page,
} from '@fengqiao/contracts';
import { HubError, notFound, toFieldProblems, validationFailed } from '@fengqiao/errors';
import type { TestStores } from './index';

/** The demo city's agencies as dispatch describes them (apps/dispatch/src/seed/demo-city.ts). */
export const DEMO_AGENCY_VIEWS: AgencyView[] = [
  view(
    '6a1f0c00-0000-4000-8000-000000000101',
    '青州市公安局黄楼派出所',
    'police',
    '370781007000',
    '黄楼街道',
  ),
  view(
    '6a1f0c00-0000-4000-8000-000000000102',
    '青州市公安局王府派出所',
    'police',
    '370781001000',
    '王府街道',
  ),
  view(
    '6a1f0c00-0000-4000-8000-000000000103',
    '黄楼派出所卢李村警务室',
    'police',
    '370781007201',
    '卢李村委会',
  ),
  view('6a1f0c00-0000-4000-8000-000000000104', '青州市公安局弥河派出所', 'police', '370781100000', '弥河镇'),
  view(
    '6a1f0c00-0000-4000-8000-000000000201',
    '青州市司法局黄楼司法所',
    'judicial',
    '370781007000',
    '黄楼街道',
  ),
  view(
    '6a1f0c00-0000-4000-8000-000000000202',
    '青州市司法局王府司法所',
    'judicial',
    '370781001000',
    '王府街道',
  ),
  view(
    '6a1f0c00-0000-4000-8000-000000000203',
    '青州市司法局弥河司法所',
    'judicial',
    '370781100000',
    '弥河镇',
  ),
  view(
    '6a1f0c00-0000-4000-8000-000000000301',
    '黄楼街道人民调解委员会',
    'people',
    '370781007000',
    '黄楼街道',
  ),
  view(
    '6a1f0c00-0000-4000-8000-000000000302',
    '卢李村人民调解委员会',
    'people',
    '370781007201',
    '卢李村委会',
  ),
  view(
    '6a1f0c00-0000-4000-8000-000000000303',
    '青州市医疗纠纷人民调解委员会',
    'people',
    '370781000000',
    '青州市',
    ['medical'],
  ),
  view(
    '6a1f0c00-0000-4000-8000-000000000304',
    '青州市道路交通事故纠纷人民调解委员会',
    'people',
    '370781000000',
    '青州市',
    ['traffic_accident'],
  ),
  view(
    '6a1f0c00-0000-4000-8000-000000000305',
    '王府街道“宜调解”矛盾纠纷调解中心',
    'people',
    '370781001000',
    '王府街道',
  ),
  view(
    '6a1f0c00-0000-4000-8000-000000000306',
    '闵家村人民调解委员会',
    'people',
    '370781100201',
    '闵家村委会',
  ),
  view(
    '6a1f0c00-0000-4000-8000-000000000401',
    '黄楼街道律师调解工作室',
    'lawyer',
    '370781007000',
    '黄楼街道',
  ),
  view(
    '6a1f0c00-0000-4000-8000-000000000402',
    '青州市公共法律服务中心律师调解工作室',
    'lawyer',
    '370781000000',
    '青州市',
  ),
];

function view(
  id: string,
  name: string,
  kind: AgencyView['kind'],
  jurisdictionCode: string,
  jurisdictionName: string,
  specialties: string[] = [],
): AgencyView {
  return {
    id,
    name,
    kind,
    jurisdictionCode,
    jurisdictionName,
    capacity: 50,
    published: kind === 'lawyer',
    specialties,
  };
}

/** How the double answers one subject: from the body and the caller; a thrown HubError is the reply. */
export interface DispatchAnswer {
  /** The command class dispatch validates the body with (unknown fields refused), if any. */
  validates?: new () => object;
  answer(body: any, actor: Actor): unknown;
}

/**
 * A test double of dispatch, not of NATS: it answers dispatch's subjects on the test's private NATS
 * server in dispatch's queue group, with Nest's reply format, so an agency service's requests go
 * the whole real way (signed, over NATS). By default it answers agency.get and agency.list from
 * DEMO_AGENCY_VIEWS; a test adds subjects or replaces those. It records what it was asked.
 */
export class DispatchDouble {
  readonly asked: { subject: string; actor: Actor; body: any }[] = [];
  private readonly subscriptions: Subscription[] = [];

  private constructor(
    private readonly stores: TestStores,
    readonly agencies: AgencyView[],
  ) {}

  static start(
    stores: TestStores,
    answers: Record<string, DispatchAnswer> = {},
    agencies = DEMO_AGENCY_VIEWS,
  ) {
    const double = new DispatchDouble(stores, [...agencies]);
    const all: Record<string, DispatchAnswer> = {
      'dispatch.agency.get.v1': { answer: (b: { agencyId: string }) => double.agency(b.agencyId) },
      'dispatch.agency.list.v1': { answer: (q: ListAgenciesQuery) => double.listAgencies(q) },
      ...answers,
    };
    for (const [subject, answer] of Object.entries(all)) double.answer(subject, answer);
    return double;
  }

  /** The agency as dispatch would answer it, or 404. */
  agency(agencyId: string): AgencyView {
    const found = this.agencies.find((a) => a.id === agencyId);
    if (!found) throw notFound('agency', '单位', agencyId);
    return found;
  }

  close(): void {
    for (const s of this.subscriptions) s.unsubscribe();
  }

  private listAgencies(q: ListAgenciesQuery): Page<AgencyView> {
    const all = this.agencies
      .filter(
        (a) =>
          (!q.kind || a.kind === q.kind) &&
          (!q.jurisdictionCode || a.jurisdictionCode.startsWith(subtreePrefix(q.jurisdictionCode))),
      )
      .sort((a, b) => a.jurisdictionCode.localeCompare(b.jurisdictionCode) || a.name.localeCompare(b.name));
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    return { items: all.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: all.length };
  }

  private answer(subject: string, how: DispatchAnswer): void {
    this.subscriptions.push(
      this.stores.nc.subscribe(subject, {
        queue: 'dispatch',
        callback: (_err, msg) => {
          const { id, data } = msg.json<{ id: string; data: { actor: Actor; body: object } }>();
          this.asked.push({ subject, actor: data.actor, body: data.body });
          void this.reply(how, data)
            .then((response) => ({ id, response, isDisposed: true }))
            .catch((e: unknown) => ({
              id,
              err: e instanceof HubError ? e.toBody() : { status: 500, message: String(e) },
              isDisposed: true,
            }))
            .then((reply) => msg.respond(JSON.stringify(reply)));
        },
      }),
    );
  }

  private async reply(how: DispatchAnswer, data: { actor: Actor; body: object }): Promise<unknown> {
    if (how.validates) {
      const errors = await validate(plainToInstance(how.validates, data.body), {
        whitelist: true,
        forbidNonWhitelisted: true,
      });
      if (errors.length) throw validationFailed(toFieldProblems(errors));
    }
    return how.answer(data.body, data.actor);
  }
}
