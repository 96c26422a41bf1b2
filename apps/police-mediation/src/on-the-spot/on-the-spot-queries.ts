import { Injectable } from '@nestjs/common';
import { And, DataSource, In, LessThan, MoreThanOrEqual, type FindOperator } from 'typeorm';
import type {
  Actor,
  ListOnTheSpotMediationsCommand,
  OnTheSpotMediationParams,
  OnTheSpotMediationView,
  Page,
} from '@fengqiao/contracts';
import { notFound } from '@fengqiao/errors';
import { pageWindow } from '@fengqiao/database';
import { StationAccess } from '../stations/station-access';
import { OnTheSpotMediation } from './on-the-spot-mediation.entity';
import { OnTheSpotParty } from './on-the-spot-party.entity';
import { toOnTheSpotMediationView } from './on-the-spot.views';

/** A station's on-the-spot records: for its own people and the coordinators over it. */
@Injectable()
export class OnTheSpotQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly stations: StationAccess,
  ) {}

  /** The latest first; `incidentNumber` finds a 110 call's record however its number was typed. */
  async list(actor: Actor, q: ListOnTheSpotMediationsCommand): Promise<Page<OnTheSpotMediationView>> {
    await this.stations.assertMayRead(actor, q.agencyId);
    const { page, pageSize, skip } = pageWindow(q);
    const [rows, total] = await this.dataSource.getRepository(OnTheSpotMediation).findAndCount({
      where: {
        agencyId: q.agencyId,
        ...(q.outcome ? { outcome: q.outcome } : {}),
        ...(q.status ? { status: q.status } : {}),
        ...(q.incidentNumber ? { incidentNumber: q.incidentNumber.trim().toUpperCase() } : {}),
        ...(q.from || q.to ? { occurredAt: between(q.from, q.to) } : {}),
      },
      order: { occurredAt: 'DESC', id: 'DESC' },
      skip,
      take: pageSize,
    });
    const parties = rows.length
      ? await this.dataSource.getRepository(OnTheSpotParty).findBy({ recordId: In(rows.map((r) => r.id)) })
      : [];
    const items = rows.map((r) =>
      toOnTheSpotMediationView(
        r,
        parties.filter((p) => p.recordId === r.id),
      ),
    );
    return { items, page, pageSize, total };
  }

  async get(actor: Actor, params: OnTheSpotMediationParams): Promise<OnTheSpotMediationView> {
    await this.stations.assertMayRead(actor, params.agencyId);
    const record = await this.dataSource
      .getRepository(OnTheSpotMediation)
      .findOneBy({ id: params.recordId, agencyId: params.agencyId });
    if (!record) throw notFound('on-the-spot record', '当场调处记录', params.recordId);
    return this.view(record);
  }

  async view(record: OnTheSpotMediation): Promise<OnTheSpotMediationView> {
    const parties = await this.dataSource.getRepository(OnTheSpotParty).findBy({ recordId: record.id });
    return toOnTheSpotMediationView(record, parties);
  }
}

/** occurredAt from `from` (inclusive) to `to` (exclusive), either end open. */
function between(from: string | undefined, to: string | undefined): FindOperator<Date> {
  const lower = from ? MoreThanOrEqual(new Date(from)) : undefined;
  const upper = to ? LessThan(new Date(to)) : undefined;
  return lower && upper ? And(lower, upper) : (lower ?? upper)!;
}
