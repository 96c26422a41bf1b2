import { Injectable } from '@nestjs/common';
import { ReferralIssuedV1, RISK_LEVELS, type RiskLevel } from '@fengqiao/contracts';
import { DurableEventHandler, type EventContext } from '@fengqiao/messaging';
import { AgencyIdentity } from '../agency-kind';
import { InboxReferral } from './inbox-referral.entity';

/** A risk level's place in RISK_LEVELS (most serious last), for ordering the inbox. */
export const riskRank = (level: RiskLevel = 'general') => RISK_LEVELS.indexOf(level);

/** Puts each referral dispatch issues to an agency of this kind into this service's inbox. */
@Injectable()
export class ReceiveReferral {
  constructor(readonly agency: AgencyIdentity) {}

  @DurableEventHandler({
    event: ReferralIssuedV1,
    name: 'referral-issued',
    filter: (e: ReferralIssuedV1, self: ReceiveReferral) => e.agencyKind === self.agency.kind,
  })
  async onIssued(e: ReferralIssuedV1, { manager }: EventContext): Promise<void> {
    // The inbox row already guards against redelivery; orIgnore also covers a re-issued event id.
    await manager
      .createQueryBuilder()
      .insert()
      .into(InboxReferral)
      .values({
        id: e.referralId,
        caseId: e.caseId,
        caseNumber: e.caseNumber,
        caseTitle: e.caseTitle,
        disputeType: e.disputeType,
        jurisdictionCode: e.jurisdictionCode,
        agencyId: e.agencyId,
        status: 'issued',
        // Events from before these fields existed: 主办, 一般 risk, no 民转刑 risk.
        role: e.role ?? 'lead',
        riskLevel: e.riskLevel ?? 'general',
        riskRank: riskRank(e.riskLevel),
        violenceRisk: e.violenceRisk ?? false,
        ladderLevel: e.ladderLevel ?? null,
        issueNote: e.note ?? null,
        issuedAt: new Date(e.issuedAt),
      })
      .orIgnore()
      .execute();
  }
}
