import { Injectable } from '@nestjs/common';
import { DataSource, Like } from 'typeorm';
import { type Actor, type InboxReferralView, type ListInboxCommand, type Page } from '@fengqiao/contracts';
import { pageWindow } from '@fengqiao/database';
import { InboxReferral } from './inbox-referral.entity';
import { coordinatorArea } from '../mediators/agency-access';
import { toInboxReferralView } from './inbox.views';

@Injectable()
export class InboxQueries {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One agency's referrals: 民转刑 first (police must see these first), then the most serious risk,
   * then the newest. The order is one of the entity's indexes read backwards, so a page stays cheap
   * for an agency holding 100k referrals.
   */
  async list(actor: Actor, q: ListInboxCommand): Promise<Page<InboxReferralView>> {
    const { page, pageSize, skip } = pageWindow(q);
    const area = coordinatorArea(actor);
    const [rows, total] = await this.dataSource.getRepository(InboxReferral).findAndCount({
      where: {
        agencyId: q.agencyId,
        ...(q.status ? { status: q.status } : {}),
        ...(q.violenceRisk !== undefined ? { violenceRisk: q.violenceRisk } : {}),
        ...(q.role ? { role: q.role } : {}),
        // A coordinator looking into an agency above their 辖区 (the city's 医调委) sees their own cases only.
        ...(area ? { jurisdictionCode: Like(area) } : {}),
      },
      order: { violenceRisk: 'DESC', riskRank: 'DESC', issuedAt: 'DESC', id: 'DESC' },
      skip,
      take: pageSize,
    });
    return { items: rows.map(toInboxReferralView), page, pageSize, total };
  }
}
