import { Injectable } from '@nestjs/common';
import type { Actor, IncidentLinkView, LinkIncidentCommand } from '@fengqiao/contracts';
import { unprocessable } from '@fengqiao/errors';
import { ReferralWorkUnit, type ReferralWork } from '@fengqiao/agency-kit';
import { claimIncident, incidentTaken } from './incident-claims';
import { incidentNumberOf } from './incident-number';
import { toIncidentLinkView } from './incident-link.views';

/** While the referral is the station's to work on: from 待签收 to 办理中. */
const LINK = {
  from: ['issued', 'accepted', 'in_progress'],
  en: 'link a 110 incident to referral',
  zh: '关联110警情',
} as const satisfies ReferralWork;

/** 110 警情 and the cases they belong to, as the station links them to its referrals. */
@Injectable()
export class IncidentLinks {
  constructor(private readonly work: ReferralWorkUnit) {}

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
    return this.work.on(actor, command.referralId, LINK, async (m, referral) => {
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
}
