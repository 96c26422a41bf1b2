import { Injectable, Logger } from '@nestjs/common';
import { In } from 'typeorm';
import { SlaClockBreachedV1 } from '@fengqiao/contracts';
import { DurableEventHandler, type EventContext } from '@fengqiao/messaging';
import { Agency } from '../agencies/agency.entity';
import { Case } from '../cases/case.entity';
import { appendTimelineStep } from '../cases/timeline-entry.entity';
import { Clock } from '../clock';
import { RoutingProposals } from '../routing/routing-proposals';
import { SLA_ACTOR } from '../sla/sla-timer-engine';
import { Supervision } from '../sla/supervision.entity';
import { OPEN_REFERRAL, Referral } from './referral.entity';
import { TransferReferral } from './transfer-referral';

/**
 * 改派: a referral not signed for (签收) by its deadline, under a policy that says so, goes to the
 * best other agency the routing proposes, as a transfer by the SLA supervisor. Runs after the
 * breach commits, from its event, so the timer engine never waits on routing. Nothing happens if
 * the agency accepted in the meantime, and a redelivery finds the referral already transferred.
 */
@Injectable()
export class ReassignOnBreach {
  private readonly logger = new Logger(ReassignOnBreach.name);

  constructor(
    private readonly proposals: RoutingProposals,
    private readonly transfers: TransferReferral,
    private readonly clock: Clock,
  ) {}

  @DurableEventHandler({
    event: SlaClockBreachedV1,
    name: 'reassign-on-breach',
    filter: (e: SlaClockBreachedV1) => e.kind === 'accept' && e.actions.includes('reassign'),
  })
  async onBreached(e: SlaClockBreachedV1, { manager: m }: EventContext): Promise<void> {
    const kase = await m.findOne(Case, { where: { id: e.caseId }, lock: { mode: 'pessimistic_write' } });
    const referral = await m.findOne(Referral, {
      where: { id: e.subjectId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!kase || !referral || referral.status !== 'issued') return;
    const agency = await m.findOneByOrFail(Agency, { id: referral.agencyId });
    const holding = (await m.findBy(Referral, { caseId: kase.id, status: In([...OPEN_REFERRAL]) })).map(
      (r) => r.agencyId,
    );
    const proposal = await this.proposals.propose(m, kase);
    const candidates = (referral.role === 'lead' ? proposal.leads : proposal.coHandlers).filter(
      (a) => !holding.includes(a.agencyId),
    );
    const best = candidates.find((a) => a.openReferrals < a.capacity) ?? candidates[0];
    const now = this.clock.now();
    if (!best) {
      await appendTimelineStep(m, {
        caseId: kase.id,
        step: 'sla_breached',
        summary: `${agency.name}超时未签收，无其他可改派单位，请协调员处理`,
        actor: SLA_ACTOR,
        agency,
        referralId: referral.id,
        at: now,
      });
      this.logger.log(`case ${kase.caseNumber}: no other agency to reassign to`);
      return;
    }
    const toId = await this.transfers.transfer(
      m,
      SLA_ACTOR,
      { referral, kase, agency },
      {
        toAgencyId: best.agencyId,
        reason: `超时未签收，系统改派（${best.reasons.map((r) => r.zh).join('；')}）`,
      },
      now,
    );
    if (e.supervisionId)
      await m.update(Supervision, { id: e.supervisionId }, { reassignedToReferralId: toId });
  }
}
