import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  Actor,
  IncidentLinkView,
  LinkIncidentCommand,
  ListReferralIncidentsCommand,
  Page,
} from '@fengqiao/contracts';
import { unprocessable } from '@fengqiao/errors';
import { pageWindow } from '@fengqiao/database';
import { findOwnReferral, lockWorkingReferral, type ReferralWork } from '@fengqiao/agency-kit';
import { claimIncident, incidentTaken } from './incident-claims';
import { IncidentLink } from './incident-link.entity';
import { incidentNumberOf } from './incident-number';

/** While the referral is the station's to work on: from 待签收 to 办理中. */
const LINK = {
  from: ['issued', 'accepted', 'in_progress'],
  en: 'link a 110 incident to referral',
  zh: '关联110警情',
} as const satisfies ReferralWork;

export const toIncidentLinkView = (l: IncidentLink): IncidentLinkView => ({
  incidentNumber: l.incidentNumber,
  caseId: l.caseId!,
  agencyId: l.agencyId,
  referralId: l.referralId ?? undefined,
  onTheSpotRecordId: l.onTheSpotRecordId ?? undefined,
  receivedAt: l.receivedAt.toISOString(),
  linkedAt: l.linkedAt.toISOString(),
  linkedBy: { id: l.linkedById, name: l.linkedByName },
});

/** 110 警情 and the cases they belong to, as the station links them to its referrals. */
@Injectable()
export class IncidentLinks {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Links the incident to the referral's case. Linking it again to the same case changes nothing;
   * an incident already linked to another case (or claimed by an on-the-spot record) is 409.
   */
  link(actor: Actor, command: LinkIncidentCommand): Promise<IncidentLinkView> {
    const incidentNumber = incidentNumberOf(command.incidentNumber);
    const receivedAt = new Date(command.receivedAt);
    if (receivedAt.getTime() > Date.now()) {
      throw unprocessable('receivedAt', 'is in the future', '接警时间不能晚于当前时间');
    }
    return this.dataSource.transaction(async (m) => {
      const referral = await lockWorkingReferral(m, actor, command.referralId, LINK);
      const { caseId, agencyId, id: referralId } = referral;
      const link = await claimIncident(m, {
        incidentNumber,
        caseId,
        agencyId,
        referralId,
        receivedAt,
        by: actor,
        at: new Date(),
      });
      if (link.caseId !== referral.caseId) throw incidentTaken(incidentNumber);
      return toIncidentLinkView(link);
    });
  }

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
