import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { tableOf } from '@fengqiao/agency-kit';
import {
  FollowUpRecordedV1,
  ReferralAcceptedV1,
  ReferralClosedV1,
  type AgencyReferralFacts,
} from '@fengqiao/contracts';
import { DurableEventHandler, type EventContext } from '@fengqiao/messaging';
import { CommitteeFollowUp, CommitteeReferral, CommitteeWork } from './committee-work.entity';

/** Only the people's mediation committees' events feed the supervision figures. */
const ofCommittees = (e: AgencyReferralFacts) => e.agencyKind === 'people';

const COUNTERS = {
  accepted: 'accepted',
  closed: 'closed',
  resolved: 'resolved',
  failed: 'failed',
  followUps: 'follow_ups',
  dissatisfied: 'dissatisfied',
  rebounds: 'rebounds',
} as const;
type Tally = Partial<Record<keyof typeof COUNTERS, number>>;

/**
 * Keeps each committee's figures from its events. The inbox makes each message count once; a fact
 * row per referral and per follow-up makes a copy of an event under another id (or a referral
 * accepted again after a return was overruled) count once too: a counter moves only when its
 * fact is new. Accepted and closed may arrive in either order (separate consumers).
 */
@Injectable()
export class CommitteeWorkProjection {
  @DurableEventHandler({ event: ReferralAcceptedV1, name: 'committee-work-accepted', filter: ofCommittees })
  async onAccepted(e: ReferralAcceptedV1, { manager }: EventContext): Promise<void> {
    const t = tableOf(manager.connection, CommitteeReferral);
    const fresh: unknown[] = await manager.query(
      `INSERT INTO ${t} AS r (referral_id, committee_agency_id, accepted_at) VALUES ($1, $2, $3)
       ON CONFLICT (referral_id) DO UPDATE SET accepted_at = EXCLUDED.accepted_at WHERE r.accepted_at IS NULL
       RETURNING referral_id`,
      [e.referralId, e.agencyId, e.acceptedAt],
    );
    if (fresh.length > 0) await this.tally(manager, e.agencyId, { accepted: 1 }, e.acceptedAt);
  }

  @DurableEventHandler({ event: ReferralClosedV1, name: 'committee-work-closed', filter: ofCommittees })
  async onClosed(e: ReferralClosedV1, { manager }: EventContext): Promise<void> {
    const t = tableOf(manager.connection, CommitteeReferral);
    const fresh: unknown[] = await manager.query(
      `INSERT INTO ${t} AS r (referral_id, committee_agency_id, outcome, closed_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (referral_id) DO UPDATE SET outcome = EXCLUDED.outcome, closed_at = EXCLUDED.closed_at
       WHERE r.outcome IS NULL
       RETURNING referral_id`,
      [e.referralId, e.agencyId, e.outcome, e.closedAt],
    );
    if (fresh.length === 0) return;
    await this.tally(
      manager,
      e.agencyId,
      { closed: 1, resolved: e.outcome === 'resolved' ? 1 : 0, failed: e.outcome === 'failed' ? 1 : 0 },
      e.closedAt,
    );
  }

  @DurableEventHandler({ event: FollowUpRecordedV1, name: 'committee-work-follow-up', filter: ofCommittees })
  async onFollowUp(e: FollowUpRecordedV1, { manager }: EventContext): Promise<void> {
    const fresh = await manager
      .createQueryBuilder()
      .insert()
      .into(CommitteeFollowUp)
      .values({
        followUpId: e.followUpId,
        committeeAgencyId: e.agencyId,
        referralId: e.referralId,
        satisfaction: e.satisfaction,
        rebound: e.rebound,
        recordedAt: new Date(e.recordedAt),
      })
      .orIgnore()
      .returning('follow_up_id')
      .execute();
    if ((fresh.raw as unknown[]).length === 0) return;
    await this.tally(
      manager,
      e.agencyId,
      {
        followUps: 1,
        dissatisfied: e.satisfaction === 'dissatisfied' ? 1 : 0,
        rebounds: e.rebound ? 1 : 0,
      },
      e.recordedAt,
    );
  }

  /** Adds to a committee's counters (its row is made on its first event). */
  private async tally(m: EntityManager, committeeAgencyId: string, add: Tally, at: string): Promise<void> {
    const names = Object.keys(COUNTERS) as (keyof typeof COUNTERS)[];
    const columns = names.map((k) => COUNTERS[k]);
    const t = tableOf(m.connection, CommitteeWork);
    await m.query(
      `INSERT INTO ${t} AS w (committee_agency_id, ${columns.join(', ')}, last_activity_at)
       VALUES ($1, ${columns.map((_, i) => `$${i + 2}`).join(', ')}, $${columns.length + 2})
       ON CONFLICT (committee_agency_id) DO UPDATE SET
         ${columns.map((c) => `${c} = w.${c} + EXCLUDED.${c}`).join(', ')},
         last_activity_at = GREATEST(w.last_activity_at, EXCLUDED.last_activity_at)`,
      [committeeAgencyId, ...names.map((k) => add[k] ?? 0), at],
    );
  }
}
