import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor, AgencyReferralFacts, EventContract } from '@fengqiao/contracts';
import { Outbox } from '@fengqiao/messaging';
import { AgencyIdentity } from '../agency-kind';
import type { InboxReferral } from '../inbox/inbox-referral.entity';
import { lockWorkingReferral, referralFacts, type ReferralWork } from '../inbox/working-referrals';
import type { RecordedReferralRecord } from './referral-record.entity';

/**
 * The shape of every piece of work on a referral, written once: one transaction with the agency's
 * own referral locked in a status the work allows (404 / 409 otherwise), and the events it reports
 * written to the outbox in that transaction, carrying the referral's facts.
 */
@Injectable()
export class ReferralWorkUnit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly agency: AgencyIdentity,
  ) {}

  /** Runs `work` in a transaction on the locked referral; its result is the command's answer. */
  on<T>(
    actor: Actor,
    referralId: string,
    allowed: ReferralWork,
    work: (m: EntityManager, referral: InboxReferral) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (m) => {
      const referral = await lockWorkingReferral(m, actor, referralId, allowed);
      return work(m, referral);
    });
  }

  /** Writes an event about the referral to the outbox, in the caller's transaction. */
  report<T extends AgencyReferralFacts>(
    m: EntityManager,
    event: EventContract<T>,
    referral: InboxReferral,
    payload: Omit<T, keyof AgencyReferralFacts>,
  ): Promise<string> {
    return this.outbox.add(m, event, { ...referralFacts(referral, this.agency.kind), ...payload } as T);
  }

  /** The referral record's ids, for a new row of work on it. */
  static idsOf(referral: InboxReferral): { referralId: string; caseId: string; agencyId: string } {
    return { referralId: referral.id, caseId: referral.caseId, agencyId: referral.agencyId };
  }

  /** The ids and the who and when of a new RecordedReferralRecord: `actor` recorded it `at`. */
  static recordOf(referral: InboxReferral, actor: Actor, at: Date): Omit<RecordedReferralRecord, 'id'> {
    return {
      ...ReferralWorkUnit.idsOf(referral),
      recordedAt: at,
      recordedById: actor.id,
      recordedByName: actor.name,
    };
  }
}
