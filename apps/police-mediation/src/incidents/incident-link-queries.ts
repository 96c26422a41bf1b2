import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, IncidentLinkView, ListReferralIncidentsCommand, Page } from '@fengqiao/contracts';
import { pageWindow } from '@fengqiao/database';
import { findOwnReferral } from '@fengqiao/agency-kit';
import { IncidentLink } from './incident-link.entity';
import { toIncidentLinkView } from './incident-link.views';

@Injectable()
export class IncidentLinkQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** The incidents linked to the referral's case, latest call first. */
  async list(actor: Actor, query: ListReferralIncidentsCommand): Promise<Page<IncidentLinkView>> {
    const referral = await findOwnReferral(this.dataSource.manager, actor, query.referralId);
    const { page, pageSize, skip } = pageWindow(query);
    const [rows, total] = await this.dataSource.getRepository(IncidentLink).findAndCount({
      where: { caseId: referral.caseId },
      order: { receivedAt: 'DESC', incidentNumber: 'ASC' },
      skip,
      take: pageSize,
    });
    return { items: rows.map(toIncidentLinkView), page, pageSize, total };
  }
}
