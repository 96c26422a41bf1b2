import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, LawyerChoiceView, ListLawyerChoicesCommand, Page } from '@fengqiao/contracts';
import { assertMayRead } from '@fengqiao/agency-kit';
import { pageWindow } from '@fengqiao/database';
import { LawyerChoice } from './lawyer-choice.entity';
import { toLawyerChoiceView } from './lawyer-choice.views';

@Injectable()
export class LawyerChoiceQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** The studio's ledger of choices, the latest first: in force, replaced and refused. */
  async list(actor: Actor, q: ListLawyerChoicesCommand): Promise<Page<LawyerChoiceView>> {
    assertMayRead(actor, q.agencyId);
    const { page, pageSize, skip } = pageWindow(q);
    const [rows, total] = await this.dataSource.getRepository(LawyerChoice).findAndCount({
      where: {
        agencyId: q.agencyId,
        ...(q.referralId ? { referralId: q.referralId } : {}),
        ...(q.lawyerId ? { lawyerId: q.lawyerId } : {}),
        ...(q.status ? { status: q.status } : {}),
      },
      order: { recordedAt: 'DESC', id: 'ASC' },
      skip,
      take: pageSize,
    });
    return { items: rows.map(toLawyerChoiceView), page, pageSize, total };
  }
}
