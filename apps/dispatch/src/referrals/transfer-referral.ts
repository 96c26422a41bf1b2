import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { ReferralTransferredV1, type Actor, type TransferReferralRequest } from '@fengqiao/contracts';
import { conflict } from '@fengqiao/errors';
import { Outbox } from '@fengqiao/messaging';
import { changeCaseStatus } from '../cases/case-status';
import { appendTimelineStep } from '../cases/timeline-entry.entity';
import { HandOvers } from './hand-over';
import { OPEN_REFERRAL, Referral } from './referral.entity';
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
      const now = new Date();
      // Ended first, so the new lead does not collide with the old one.
      await m.update(
        Referral,
        { id: referral.id },
        { status: 'transferred', awaitingRuling: false, closedAt: now },
      );
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
    });
  }
}
