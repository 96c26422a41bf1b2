import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, FollowUpView, ListFollowUpsCommand, Page } from '@fengqiao/contracts';
import { pageWindow } from '@fengqiao/database';
import { notFound } from '@fengqiao/errors';
import { assertMayRead, coordinatorArea, findReadableReferral } from '../mediators/agency-access';
import { FollowUp } from './follow-up.entity';
import { toFollowUpView } from './follow-up.views';

@Injectable()
export class FollowUpQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** The follow-up of one referral; 404 until it has one (it is scheduled when closed as resolved). */
  async ofReferral(actor: Actor, referralId: string): Promise<FollowUpView> {
    const referral = await findReadableReferral(this.dataSource.manager, actor, referralId);
    const followUp = await this.dataSource
      .getRepository(FollowUp)
      .findOne({ where: { referralId }, relations: { assignee: true } });
    if (!followUp) throw notFound('follow-up of referral', '派单的回访', referralId);
    return toFollowUpView(followUp, referral);
  }

  /**
   * An agency's follow-ups: those still to be made first, soonest due first (then the made ones by
   * their planned date). Both joins are many-to-one, so a page is a plain LIMIT/OFFSET.
   */
  async list(actor: Actor, q: ListFollowUpsCommand): Promise<Page<FollowUpView>> {
    assertMayRead(actor, q.agencyId);
    const { page, pageSize, skip } = pageWindow(q);
    const qb = this.dataSource
      .getRepository(FollowUp)
      .createQueryBuilder('f')
      .innerJoinAndSelect('f.referral', 'r')
      .leftJoinAndSelect('f.assignee', 'a')
      .where('f.agency_id = :agencyId', { agencyId: q.agencyId });
    const area = coordinatorArea(actor);
    if (area) qb.andWhere('r.jurisdiction_code LIKE :area', { area });
    if (q.status) qb.andWhere('f.status = :status', { status: q.status });
    if (q.dueBefore) qb.andWhere('f.scheduled_for < :dueBefore', { dueBefore: new Date(q.dueBefore) });
    if (q.satisfaction) qb.andWhere('f.satisfaction = :satisfaction', { satisfaction: q.satisfaction });
    if (q.rebound !== undefined) qb.andWhere('f.rebound = :rebound', { rebound: q.rebound });
    const total = await qb.getCount();
    const rows = await qb
      .addSelect("CASE WHEN f.status = 'scheduled' THEN 0 ELSE 1 END", 'done_last')
      .orderBy('done_last', 'ASC')
      .addOrderBy('f.scheduled_for', 'ASC')
      .addOrderBy('f.id', 'ASC')
      .offset(skip)
      .limit(pageSize)
      .getMany();
    const now = new Date();
    return { items: rows.map((f) => toFollowUpView(f, f.referral!, now)), page, pageSize, total };
  }
}
