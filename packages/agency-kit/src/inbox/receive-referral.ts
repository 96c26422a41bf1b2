import { Injectable } from '@nestjs/common';
import { ReferralIssuedV1 } from '@fengqiao/contracts';
import { DurableEventHandler, type EventContext } from '@fengqiao/messaging';
import { AgencyIdentity } from '../agency-kind';
import { InboxReferral } from './inbox-referral.entity';

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
        issueNote: e.note ?? null,
        issuedAt: new Date(e.issuedAt),
      })
      .orIgnore()
      .execute();
  }
}
