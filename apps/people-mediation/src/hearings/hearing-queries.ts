import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { findReadableReferral } from '@fengqiao/agency-kit';
import type { Actor, GetHearingCommand, HearingView, ListHearingsCommand, Page } from '@fengqiao/contracts';
import { pageWindow } from '@fengqiao/database';
import { notFound } from '@fengqiao/errors';
import { Hearing } from './hearing.entity';
import { toHearingView } from './hearing.views';

/** A referral's hearings, for the committee's own people and for coordinators following the case. */
@Injectable()
export class HearingQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(actor: Actor, q: ListHearingsCommand): Promise<Page<HearingView>> {
    const { page, pageSize, skip } = pageWindow(q);
    // Coordinators may read any referral's hearings; the agency's own people only theirs (404 to others).
    await findReadableReferral(this.dataSource.manager, actor, q.referralId);
    const [rows, total] = await this.dataSource.getRepository(Hearing).findAndCount({
      where: {
        referralId: q.referralId,
        ...(q.status ? { status: q.status } : {}),
        ...(q.result ? { result: q.result } : {}),
      },
      order: { sequence: 'ASC' },
      skip,
      take: pageSize,
    });
    return { items: rows.map(toHearingView), page, pageSize, total };
  }

  async get(actor: Actor, q: GetHearingCommand): Promise<HearingView> {
    await findReadableReferral(this.dataSource.manager, actor, q.referralId);
    const hearing = await this.dataSource
      .getRepository(Hearing)
      .findOne({ where: { id: q.hearingId, referralId: q.referralId } });
    if (!hearing) throw notFound('hearing', '听证', q.hearingId);
    return toHearingView(hearing);
  }
}
