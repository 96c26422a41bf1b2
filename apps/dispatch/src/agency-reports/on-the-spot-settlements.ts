import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OnTheSpotSettledV1 } from '@fengqiao/contracts';
import { notFound } from '@fengqiao/errors';
import { DurableEventHandler, Outbox, type EventContext } from '@fengqiao/messaging';
import { Agency } from '../agencies/agency.entity';
import { Case } from '../cases/case.entity';
import { CASE_STATUS_ZH, changeCaseStatus } from '../cases/case-status';
import { appendTimelineStep, hasTimelineStep } from '../cases/timeline-entry.entity';
import { Referral } from '../referrals/referral.entity';

/**
 * 当场调处: police settled a dispute on the spot and registered it with dispatch first. The case,
 * still registered and never referred, is resolved where it stands: closed at its current ladder
 * level, so the 矛盾不上交 index counts it as settled at the lowest level. Any other case is left as
 * it is, with a note on its timeline for the coordinator.
 */
@Injectable()
export class OnTheSpotSettlements {
  private readonly logger = new Logger(OnTheSpotSettlements.name);

  constructor(private readonly outbox: Outbox) {}

  @DurableEventHandler({ event: OnTheSpotSettledV1, name: 'on-the-spot-settled' })
  async onSettled(e: OnTheSpotSettledV1, { manager: m }: EventContext): Promise<void> {
    const kase = await m.findOne(Case, { where: { id: e.caseId }, lock: { mode: 'pessimistic_write' } });
    // Permanent: police register the case before they report its settlement.
    if (!kase) throw notFound('case', '案件', e.caseId);
    const station = await m.findOneBy(Agency, { id: e.agencyId });
    const by = station ?? { id: e.agencyId, name: '派出所' };
    const at = new Date(e.settledAt);
    const settled = { caseId: kase.id, step: 'on_the_spot_settled' as const, at };
    if (await hasTimelineStep(m, settled)) return;
    const refusal = await this.refusal(m, kase, e.agencyId);
    if (refusal) {
      this.logger.warn(`case ${kase.caseNumber}: on-the-spot settlement not applied: ${refusal}`);
      const note = { ...settled, step: 'on_the_spot_refused' as const };
      if (await hasTimelineStep(m, note)) return;
      await appendTimelineStep(m, {
        ...note,
        summary: `当场调处未能结案：${refusal}。调处情况：${e.agreementSummary}`,
        actor: e.settledBy,
        agency: by,
      });
      return;
    }
    await appendTimelineStep(m, {
      ...settled,
      summary: `当场调处化解（${by.name}${e.incidentNumber ? `，警情 ${e.incidentNumber}` : ''}）：${e.agreementSummary}`,
      actor: e.settledBy,
      agency: by,
    });
    await changeCaseStatus(m, this.outbox, kase, 'resolved', `settled on the spot by ${by.name}`, at);
  }

  /** Why the settlement cannot close the case, or null. */
  private async refusal(m: EntityManager, kase: Case, agencyId: string): Promise<string | null> {
    if (await m.existsBy(Referral, { caseId: kase.id })) return '案件已派单，须由承办单位办结';
    if (kase.status !== 'registered') return `案件${CASE_STATUS_ZH[kase.status]}`;
    if (kase.firstOwnerAgencyId !== agencyId) return '案件不是本所登记的';
    return null;
  }
}
