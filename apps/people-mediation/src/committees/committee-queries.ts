import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  subtreePrefix,
  type CommitteeProfileView,
  type ListPeopleCommitteesQuery,
  type Page,
} from '@fengqiao/contracts';
import { pageWindow } from '@fengqiao/database';
import { notFound } from '@fengqiao/errors';
import { CommitteeProfile } from './committee-profile.entity';
import { toCommitteeProfileView } from './committee.views';

/** Committee profiles are public within the hub: anyone who can see agencies can read them. */
@Injectable()
export class CommitteeQueries {
  constructor(private readonly dataSource: DataSource) {}

  async get(agencyId: string): Promise<CommitteeProfileView> {
    const profile = await this.dataSource.getRepository(CommitteeProfile).findOne({ where: { agencyId } });
    if (!profile) throw notFound('committee profile of agency', '调委会档案：单位', agencyId);
    return toCommitteeProfileView(profile);
  }

  async list(q: ListPeopleCommitteesQuery): Promise<Page<CommitteeProfileView>> {
    const { page, pageSize, skip } = pageWindow(q);
    const qb = this.dataSource.getRepository(CommitteeProfile).createQueryBuilder('p');
    if (q.committeeKind) qb.andWhere('p.committee_kind = :kind', { kind: q.committeeKind });
    if (q.jurisdictionCode)
      qb.andWhere('p.jurisdiction_code LIKE :prefix', {
        prefix: `${subtreePrefix(q.jurisdictionCode)}%`,
      });
    if (q.disputeType) qb.andWhere(':type = ANY(p.dispute_types)', { type: q.disputeType });
    const [rows, total] = await qb
      .orderBy('p.jurisdiction_code')
      .addOrderBy('p.name')
      .addOrderBy('p.agency_id')
      .skip(skip)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map(toCommitteeProfileView), page, pageSize, total };
  }
}
