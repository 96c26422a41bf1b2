import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ReferralHandOffRequestedV1 } from '@fengqiao/contracts';
import { DurableEventHandler, type EventContext } from '@fengqiao/messaging';
import { Agency } from '../agencies/agency.entity';
import { attempt } from '../attempt';
import type { Case } from '../cases/case.entity';
import { appendTimelineStep, hasTimelineStep } from '../cases/timeline-entry.entity';
import { Clock } from '../clock';
import { OPEN_REFERRAL, Referral, REFERRAL_STATUS_ZH } from '../referrals/referral.entity';
import { lockReferralForEvent } from '../referrals/referral-lock';
import { TransferReferral } from '../referrals/transfer-referral';

/** The district (区县) a 12-digit code lies in. */
const districtOf = (code: string) => code.slice(0, 6);

/**
 * 警调对接: a police station hands its referral to the people's mediation committee stationed with
 * it. Dispatch carries it out as a transfer (转办) on the requester's behalf, after checking again
 * what the police service checked: a people's mediation committee in the station's own district.
 * An event cannot be answered with 422, so a refusal is logged and put on the case's timeline.
 */
@Injectable()
export class PoliceHandOffs {
  private readonly logger = new Logger(PoliceHandOffs.name);

  constructor(
    private readonly transfers: TransferReferral,
    private readonly clock: Clock,
  ) {}

  @DurableEventHandler({ event: ReferralHandOffRequestedV1, name: 'referral-hand-off-requested' })
  async onRequested(e: ReferralHandOffRequestedV1, { manager: m }: EventContext): Promise<void> {
    const { referral, kase, agency: station } = await lockReferralForEvent(m, e.referralId);
    if (await this.alreadyHandedOff(m, referral, e.toAgencyId)) return;
    const committee = await m.findOneBy(Agency, { id: e.toAgencyId });
    const refusal = committee ? this.refusal(referral, station, committee) : '对接的调解组织不存在';
    if (refusal || !committee) return this.fail(m, e, kase, referral, station, refusal ?? '');
    const done = await attempt(m, (sp) =>
      this.transfers.transfer(
        sp,
        e.requestedBy,
        { referral, kase, agency: station },
        {
          toAgencyId: committee.id,
          reason: `警调对接：${e.reason}`,
          // The committee stationed with the police takes the case wherever the matrix would send it.
          overrideReason: '警调对接：派出所移交驻所人民调解组织',
        },
        this.clock.now(),
      ),
    );
    if (!done.ok) await this.fail(m, e, kase, referral, station, done.refusal.messageZh);
  }

  /** A redelivery finds the referral already transferred to that committee. */
  private async alreadyHandedOff(m: EntityManager, referral: Referral, toAgencyId: string): Promise<boolean> {
    if (referral.status !== 'transferred' || !referral.transferredToId) return false;
    return m.existsBy(Referral, { id: referral.transferredToId, agencyId: toAgencyId });
  }

  private refusal(referral: Referral, station: Agency, committee: Agency): string | null {
    if (referral.agencyKind !== 'police') return `${station.name}不是派出所，不能警调对接`;
    if (!OPEN_REFERRAL.includes(referral.status)) return `派单${REFERRAL_STATUS_ZH[referral.status]}`;
    if (committee.kind !== 'people') return `${committee.name}不是人民调解组织`;
    if (districtOf(committee.jurisdictionCode) !== districtOf(station.jurisdictionCode)) {
      return `${committee.name}不在${station.name}所在区县`;
    }
    return null;
  }

  private async fail(
    m: EntityManager,
    e: ReferralHandOffRequestedV1,
    kase: Case,
    referral: Referral,
    station: Agency,
    reason: string,
  ): Promise<void> {
    this.logger.warn(`case ${kase.caseNumber}: hand-off of referral ${referral.id} refused: ${reason}`);
    const step = {
      caseId: kase.id,
      referralId: referral.id,
      step: 'hand_off_failed' as const,
      at: new Date(e.requestedAt),
    };
    if (await hasTimelineStep(m, step)) return;
    await appendTimelineStep(m, {
      ...step,
      summary: `警调对接失败：${reason}`,
      actor: e.requestedBy,
      agency: station,
    });
  }
}
