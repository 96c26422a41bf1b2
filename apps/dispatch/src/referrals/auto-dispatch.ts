import { Injectable, Logger } from '@nestjs/common';
import { CaseRegisteredV1, RISK_LEVELS, type Actor, type RoutingProposalView } from '@fengqiao/contracts';
import { DurableEventHandler, type EventContext } from '@fengqiao/messaging';
import { Case } from '../cases/case.entity';
import { TypeSuggestions } from '../classification/type-suggestions';
import { ladderLevel } from '../ladder/ladder-policy';
import { DispatchPolicies } from '../routing/dispatch-policies';
import type { DispatchPolicy } from '../routing/dispatch-policy.entity';
import { RoutingProposals } from '../routing/routing-proposals';
import { HandOvers } from './hand-over';
import { Referral } from './referral.entity';

/** Who the timeline names for a referral the policy issued. */
export const AUTO_DISPATCH_ACTOR: Actor = { id: 'system:auto-dispatch', name: '自动派单', role: 'system' };

/**
 * 自动派单: where a jurisdiction's policy allows it, a clear case is dispatched to the best lead as
 * soon as it is registered. Clear means: not above the policy's risk, no 民转刑 risk, not a repeat,
 * at an ordinary mediation level, the classifier agrees with the registered type, and the best
 * proposal leads the runner-up by the policy's margin. Anything else waits for a coordinator.
 */
@Injectable()
export class AutoDispatch {
  private readonly logger = new Logger(AutoDispatch.name);

  constructor(
    private readonly policies: DispatchPolicies,
    private readonly proposals: RoutingProposals,
    private readonly typeSuggestions: TypeSuggestions,
    private readonly handOvers: HandOvers,
  ) {}

  @DurableEventHandler({ event: CaseRegisteredV1, name: 'auto-dispatch' })
  async onRegistered(e: CaseRegisteredV1, { manager }: EventContext): Promise<void> {
    const kase = await manager.findOne(Case, {
      where: { id: e.caseId },
      lock: { mode: 'pessimistic_write' },
    });
    // A redelivery, or a coordinator was quicker: nothing to do.
    if (!kase || kase.status !== 'registered' || (await manager.existsBy(Referral, { caseId: kase.id })))
      return;
    const policy = await this.policies.for(manager, kase.jurisdictionCode);
    if (!policy?.autoDispatch) return;
    const rung = await ladderLevel(manager, kase.ladderCode, kase.ladderLevel);
    const proposal = rung.mode === 'mediation' ? await this.proposals.propose(manager, kase) : null;
    const unclear = this.whyNotClear(kase, policy, proposal);
    if (unclear) {
      this.logger.log(`case ${kase.caseNumber} left for a coordinator: ${unclear}`);
      return;
    }
    const best = proposal!.leads[0];
    await this.handOvers.issue(
      manager,
      AUTO_DISPATCH_ACTOR,
      kase,
      [{ agencyId: best.agencyId, role: 'lead', field: 'agencyId' }],
      { note: `按自动派单规则派出：${best.reasons.map((r) => r.zh).join('；')}` },
      new Date(),
    );
  }

  private whyNotClear(
    kase: Case,
    policy: DispatchPolicy,
    proposal: RoutingProposalView | null,
  ): string | null {
    if (RISK_LEVELS.indexOf(kase.riskLevel) > RISK_LEVELS.indexOf(policy.maxRiskLevel))
      return 'risk above policy';
    if (kase.violenceRisk) return 'civil-to-criminal risk';
    if (kase.isRepeat) return 'a repeat';
    if (!proposal) return 'the ladder level is not ordinary mediation';
    const suggestion = this.typeSuggestions.suggest(kase.title, kase.description);
    if (suggestion.disputeType !== kase.disputeType || suggestion.confidence < policy.minConfidence) {
      return `classifier says ${suggestion.disputeType} (${suggestion.confidence})`;
    }
    const [best, runnerUp] = proposal.leads;
    if (!best) return 'no lead proposed';
    if (best.openReferrals >= best.capacity) return 'best lead is at capacity';
    if (runnerUp && best.score - runnerUp.score < policy.minMargin) return 'no clear best lead';
    return null;
  }
}
