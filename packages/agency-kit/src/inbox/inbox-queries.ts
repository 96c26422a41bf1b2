import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { InboxReferralView, ListInboxCommand, Page } from '@fengqiao/contracts';
import { pageWindow } from '@fengqiao/database';
import { InboxReferral } from './inbox-referral.entity';
import { toInboxReferralView } from './inbox.views';

@Injectable()
export class InboxQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(q: ListInboxCommand): Promise<Page<InboxReferralView>> {
    const { page, pageSize, skip } = pageWindow(q);
    const [rows, total] = await this.dataSource.getRepository(InboxReferral).findAndCount({
      where: { agencyId: q.agencyId, ...(q.status ? { status: q.status } : {}) },
      order: { issuedAt: 'DESC', id: 'ASC' },
      skip,
      take: pageSize,
    });
    return { items: rows.map(toInboxReferralView), page, pageSize, total };
  }
}
