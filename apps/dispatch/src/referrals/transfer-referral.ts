import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Agency } from '../agencies/agency.entity';
import type { Case } from '../cases/case.entity';
import { ReferralTransferredV1, type Actor, type TransferReferralRequest } from '@fengqiao/contracts';
import { conflict } from '@fengqiao/errors';
import { Outbox } from '@fengqiao/messaging';
import { changeCaseStatus } from '../cases/case-status';
import { appendTimelineStep } from '../cases/timeline-entry.entity';
import { Clock } from '../clock';
import { HandOvers } from './hand-over';
import { SlaClocks } from '../sla/sla-clocks';
import { OPEN_REFERRAL, REFERRAL_CLOCKS, Referral } from './referral.entity';
import { lockReferralForCoordinator } from './referral-lock';

/**
 * 转办 goes through the coordinator: the open (or returned) referral ends as transferred and a new
 * one, in the same role, goes to the agency the coordinator names, under the usual dispatch rules.
 */
@Injectable()
export class TransferReferral {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly handOvers: HandOvers,
    private readonly clocks: SlaClocks,
    private readonly clock: Clock,
  ) {}

  execute(actor: Actor, referralId: string, input: TransferReferralRequest): Promise<string> {
    return this.dataSource.transaction(async (m) => {
      const { referral, kase, agency } = await lockReferralForCoordinator(m, actor, referralId);
      const movable = OPEN_REFERRAL.includes(referral.status) || referral.status === 'returned';
      if (!movable) {
        throw conflict(
          `referral ${referralId} is ${referral.status}; only an open or returned referral can be transferred`,
          `派单已${referral.status === 'closed' ? '办结' : '转办'}，不能转办`,
        );
      }
      return this.transfer(m, actor, { referral, kase, agency }, input, this.clock.now());
    });
  }

  /**
   * The transfer itself, in the caller's transaction on a locked referral and case: by a
   * coordinator (above) or by the SLA engine's 改派 after a missed 签收.
   */
  async transfer(
    m: EntityManager,
    actor: Pick<Actor, 'id' | 'name'> & Partial<Actor>,
    { referral, kase, agency }: { referral: Referral; kase: Case; agency: Agency },
    input: TransferReferralRequest,
    now: Date,
  ): Promise<string> {
    // Ended first, so the new lead does not collide with the old one.
    await m.update(
      Referral,
      { id: referral.id },
      { status: 'transferred', awaitingRuling: false, closedAt: now },
    );
    await this.clocks.stop(m, { subjectId: referral.id }, REFERRAL_CLOCKS, 'transferred', now);
    const [toId] = await this.handOvers.issue(
      m,
      actor,
      kase,
      [{ agencyId: input.toAgencyId, role: referral.role, field: 'toAgencyId' }],
      { ...input, note: input.note ?? input.reason },
      now,
    );
    await m.update(Referral, { id: referral.id }, { transferredToId: toId });
    await appendTimelineStep(m, {
      caseId: kase.id,
      step: 'referral_transferred',
      summary: `转办：由${agency.name}转出。${input.reason}`,
      actor,
      agency,
      referralId: referral.id,
      at: now,
    });
    await this.outbox.add(m, ReferralTransferredV1, {
      referralId: referral.id,
      caseId: kase.id,
      agencyId: agency.id,
      agencyKind: referral.agencyKind,
      toReferralId: toId,
      toAgencyId: input.toAgencyId,
      reason: input.reason,
      transferredAt: now.toISOString(),
      transferredBy: actor,
    });
    // Nobody works on it until the new agency accepts, unless another referral is under way.
    const working = await m.existsBy(Referral, {
      caseId: kase.id,
      status: In(['accepted', 'in_progress']),
    });
    if (kase.status === 'in_mediation' && !working) {
      await changeCaseStatus(m, this.outbox, kase, 'referred', `transferred from ${agency.name}`, now);
    }
    return toId;
  }
}
