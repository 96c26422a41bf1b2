import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, ListMediationSessionsCommand, MediationSessionView, Page } from '@fengqiao/contracts';
import { pageWindow } from '@fengqiao/database';
import { findReadableReferral } from '../mediators/agency-access';
import { MediationSession } from './mediation-session.entity';
import { toMediationSessionView } from './mediation-session.views';

@Injectable()
export class MediationSessionQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** A referral's sessions in the order they were held (their numbers). */
  async list(actor: Actor, q: ListMediationSessionsCommand): Promise<Page<MediationSessionView>> {
    const referral = await findReadableReferral(this.dataSource.manager, actor, q.referralId);
    const { page, pageSize, skip } = pageWindow(q);
    const [rows, total] = await this.dataSource.getRepository(MediationSession).findAndCount({
      where: { referralId: referral.id, ...(q.result ? { result: q.result } : {}) },
      order: { sequence: 'ASC' },
      skip,
      take: pageSize,
    });
    return { items: rows.map(toMediationSessionView), page, pageSize, total };
  }
}
