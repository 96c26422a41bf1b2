import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  subtreePrefix,
  type Actor,
  type DeliveryView,
  type ListDeliveriesQuery,
  type Page,
} from '@fengqiao/contracts';
import { pageWindow } from '@fengqiao/database';
import { assertRole } from '../roles';
import { Delivery } from './delivery.entity';

export const DELIVERY_READERS = ['admin', 'coordinator', 'leader'] as const;

const toView = (d: Delivery): DeliveryView => ({
  id: d.id,
  kind: d.kind,
  agencyId: d.agencyId,
  ...(d.clockId ? { clockId: d.clockId } : {}),
  caseNumber: d.caseNumber,
  level: d.level,
  channelKind: d.channelKind,
  status: d.status,
  attempts: d.attempts,
  ...(d.lastError ? { lastError: d.lastError } : {}),
  createdAt: d.createdAt.toISOString(),
  ...(d.deliveredAt ? { deliveredAt: d.deliveredAt.toISOString() } : {}),
});

/** What was sent where (SLA warnings and 民转刑 alerts), newest first. An admin sees every delivery; coordinators and leaders their 辖区's. */
@Injectable()
export class DeliveryQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(actor: Actor, q: ListDeliveriesQuery): Promise<Page<DeliveryView>> {
    assertRole(actor, DELIVERY_READERS, 'see notification deliveries', '查看通知发送记录');
    const { page, pageSize, skip } = pageWindow(q);
    const qb = this.dataSource.getRepository(Delivery).createQueryBuilder('d');
    if (actor.role !== 'admin') {
      if (actor.jurisdictionCode) {
        qb.andWhere('d.jurisdiction_code LIKE :prefix', {
          prefix: `${subtreePrefix(actor.jurisdictionCode)}%`,
        });
      } else {
        qb.andWhere('1 = 0');
      }
    }
    if (q.agencyId) qb.andWhere('d.agency_id = :agencyId', { agencyId: q.agencyId });
    if (q.clockId) qb.andWhere('d.clock_id = :clockId', { clockId: q.clockId });
    if (q.status) qb.andWhere('d.status = :status', { status: q.status });
    if (q.kind) qb.andWhere('d.kind = :kind', { kind: q.kind });
    const [rows, total] = await qb
      .orderBy('d.created_at', 'DESC')
      .addOrderBy('d.id', 'ASC')
      .skip(skip)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map(toView), page, pageSize, total };
  }
}
