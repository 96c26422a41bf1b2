import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  ProBonoHoursRecordedV1,
  type Actor,
  type ProBonoHoursView,
  type RecordProBonoHoursRequest,
} from '@fengqiao/contracts';
import { beijingDay, ReferralWorkUnit, type ReferralWork } from '@fengqiao/agency-kit';
import { unprocessable } from '@fengqiao/errors';
import { findStudioLawyer } from '../roster/studio-lawyers';
import { ProBonoEntry } from './pro-bono-entry.entity';
import { toProBonoHoursView } from './pro-bono.views';

/** Hours go on a referral in hand or closed (the agreement, the follow-up call come after 办结). */
const RECORD_HOURS: ReferralWork = {
  from: ['accepted', 'in_progress', 'closed'],
  en: 'record pro bono hours on referral',
  zh: '登记公益服务时长',
};

/** At most 12 hours of one lawyer's day, in half hours. */
const MAX_HALF_HOURS_A_DAY = 24;

/**
 * 公益服务时长: a lawyer's time on a referral, one entry a day and activity. The lawyer's profile row is
 * locked while the day's hours are summed, so two entries at once cannot pass 12 hours together.
 */
@Injectable()
export class ProBonoHours {
  constructor(private readonly work: ReferralWorkUnit) {}

  record(actor: Actor, referralId: string, input: RecordProBonoHoursRequest): Promise<ProBonoHoursView> {
    return this.work.on(actor, referralId, RECORD_HOURS, async (m, referral) => {
      const lawyer = await findStudioLawyer(m, referral.agencyId, input.lawyerId, true);
      if (!lawyer) throw unprocessable('lawyerId', 'is not a lawyer of this studio', '不是本工作室的律师');
      const now = new Date();
      if (input.date > beijingDay(now))
        throw unprocessable('date', 'is in the future', '不能登记未来日期的服务时长');
      const accepted = referral.acceptedAt ? beijingDay(referral.acceptedAt) : input.date;
      if (input.date < accepted)
        throw unprocessable(
          'date',
          `is before the referral was accepted (${accepted})`,
          `早于派单签收日期（${accepted}）`,
        );
      const halfHours = Math.round(input.hours * 2);
      const day = await m
        .getRepository(ProBonoEntry)
        .createQueryBuilder('e')
        .select('COALESCE(SUM(e.half_hours), 0)::int', 'sum')
        .where('e.lawyer_id = :lawyerId AND e.work_date = :date', {
          lawyerId: lawyer.mediatorId,
          date: input.date,
        })
        .getRawOne<{ sum: number }>();
      const sum = day?.sum ?? 0;
      if (sum + halfHours > MAX_HALF_HOURS_A_DAY)
        throw unprocessable(
          'hours',
          `a lawyer gives at most 12 hours a day; ${input.date} already has ${sum / 2}`,
          `每名律师每天公益服务时长不超过12小时，${input.date}已登记${sum / 2}小时`,
        );
      const entry = m.create(ProBonoEntry, {
        id: randomUUID(),
        ...ReferralWorkUnit.recordOf(referral, actor, now),
        lawyerId: lawyer.mediatorId,
        workDate: input.date,
        halfHours,
        activity: input.activity,
      });
      await m.insert(ProBonoEntry, entry);
      await this.work.report(m, ProBonoHoursRecordedV1, referral, {
        entryId: entry.id,
        lawyerId: lawyer.mediatorId,
        date: input.date,
        hours: halfHours / 2,
        recordedAt: now.toISOString(),
        recordedBy: actor,
      });
      return toProBonoHoursView(entry, lawyer.mediator!.name);
    });
  }
}
