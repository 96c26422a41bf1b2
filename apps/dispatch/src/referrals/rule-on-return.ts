import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { ReferralReturnRuledV1, type Actor, type RuleOnReturnRequest } from '@fengqiao/contracts';
import { conflict } from '@fengqiao/errors';
import { Outbox } from '@fengqiao/messaging';
import { changeCaseStatus } from '../cases/case-status';
import { appendTimelineStep } from '../cases/timeline-entry.entity';
import { Clock } from '../clock';
import { SlaClocks } from '../sla/sla-clocks';
import { OPEN_REFERRAL, Referral } from './referral.entity';
import { lockReferralForCoordinator } from './referral-lock';

/**
 * 退单裁定: a return the matrix contradicts waits for the coordinator. Upheld, it stands and the
 * case is dispatched again; overruled, the referral goes back to the agency's inbox to be 签收.
 * Every ruling stays on the referral, so rulings per agency can be counted.
 */
@Injectable()
export class RuleOnReturn {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clocks: SlaClocks,
    private readonly clock: Clock,
  ) {}

  execute(actor: Actor, referralId: string, input: RuleOnReturnRequest): Promise<string> {
    return this.dataSource.transaction(async (m) => {
      const { referral, kase, agency } = await lockReferralForCoordinator(m, actor, referralId);
      if (referral.status !== 'returned' || !referral.awaitingRuling) {
        throw conflict(
          `referral ${referralId} has no return waiting for a ruling (it is ${referral.status})`,
          `该派单没有待裁定的退单`,
        );
      }
      const overruled = input.ruling === 'overruled';
      // Back to the agency only while nobody else leads: a new lead issued meanwhile wins.
      const otherLead =
        overruled && referral.role === 'lead'
          ? await m.findOne(Referral, {
              where: { caseId: kase.id, role: 'lead', status: In([...OPEN_REFERRAL]) },
              relations: { agency: true },
            })
          : null;
      if (otherLead) {
        throw conflict(
          `case ${kase.caseNumber} is now led by ${otherLead.agency?.name}; the return can only be upheld`,
          `案件已改由${otherLead.agency?.name ?? ''}主办，该退单只能裁定成立`,
        );
      }
      const now = this.clock.now();
      await m.update(
        Referral,
        { id: referral.id },
        {
          awaitingRuling: false,
          ruling: input.ruling,
          rulingNote: input.note,
          ruledById: actor.id,
          ruledAt: now,
          ...(overruled ? { status: 'issued' as const, acceptedAt: null, startedAt: null } : {}),
        },
      );
      await appendTimelineStep(m, {
        caseId: kase.id,
        step: 'return_ruled',
        summary: overruled
          ? `退单驳回：${agency.name}应继续办理。${input.note}`
          : `退单成立：${agency.name}。${input.note}`,
        actor,
        agency,
        referralId: referral.id,
        at: now,
      });
      await this.outbox.add(m, ReferralReturnRuledV1, {
        referralId: referral.id,
        caseId: kase.id,
        agencyId: agency.id,
        agencyKind: referral.agencyKind,
        ruling: input.ruling,
        note: input.note,
        ruledAt: now.toISOString(),
        ruledBy: actor,
      });
      // Back in the agency's inbox: 签收 is owed again, from the ruling.
      if (overruled)
        await this.clocks.startFromPolicy(m, 'accept', { subjectId: referral.id, agency }, kase, now);
      if (overruled && kase.status === 'registered') {
        await changeCaseStatus(m, this.outbox, kase, 'referred', `return by ${agency.name} overruled`, now);
      }
      return referral.id;
    });
  }
}
