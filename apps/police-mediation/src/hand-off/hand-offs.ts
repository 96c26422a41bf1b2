import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  ReferralHandOffRequestedV1,
  type Actor,
  type HandOffReferralCommand,
  type HandOffView,
} from '@fengqiao/contracts';
import { conflict, unprocessable } from '@fengqiao/errors';
import { ReferralWorkUnit, WHILE_MEDIATING } from '@fengqiao/agency-kit';
import { HandOff } from './hand-off.entity';
import { StationedCommittee } from './stationed-committee.entity';

const HAND_OFF = { from: WHILE_MEDIATING, en: 'hand off referral', zh: '警调对接' };

const toHandOffView = (h: HandOff): HandOffView => ({
  id: h.id,
  referralId: h.referralId,
  caseId: h.caseId,
  fromAgencyId: h.fromAgencyId,
  toAgencyId: h.toAgencyId,
  toAgencyName: h.toAgencyName,
  reason: h.reason,
  requestedAt: h.requestedAt.toISOString(),
  requestedBy: { id: h.requestedById, name: h.requestedByName },
});

/**
 * 警调对接: the station asks for a referral in hand to go to its stationed committee. Dispatch
 * carries it out as a transfer (转办); the referral here becomes transferred when
 * dispatch.referral.transferred.v1 comes back (the kit applies it).
 */
@Injectable()
export class HandOffs {
  constructor(private readonly work: ReferralWorkUnit) {}

  request(actor: Actor, command: HandOffReferralCommand): Promise<HandOffView> {
    return this.work.on(actor, command.referralId, HAND_OFF, async (m, referral) => {
      const committee = await m.findOneBy(StationedCommittee, { stationAgencyId: referral.agencyId });
      if (!committee) {
        throw unprocessable(
          'stationedCommittee',
          'the station has no stationed people’s mediation committee',
          '本所未设驻所调解室',
        );
      }
      // The referral is locked, so this check and the insert below cannot race.
      if (await m.existsBy(HandOff, { referralId: referral.id })) {
        throw conflict(
          `referral ${referral.id} has already been handed off; dispatch is transferring it`,
          '该派单已申请警调对接，等待调度中心转办',
        );
      }
      const handOff = m.create(HandOff, {
        id: randomUUID(),
        referralId: referral.id,
        caseId: referral.caseId,
        fromAgencyId: referral.agencyId,
        toAgencyId: committee.committeeAgencyId,
        toAgencyName: committee.committeeName,
        reason: command.reason,
        requestedAt: new Date(),
        requestedById: actor.id,
        requestedByName: actor.name,
      });
      await m.insert(HandOff, handOff);
      await this.work.report(m, ReferralHandOffRequestedV1, referral, {
        toAgencyId: handOff.toAgencyId,
        reason: handOff.reason,
        requestedAt: handOff.requestedAt.toISOString(),
        requestedBy: actor,
      });
      return toHandOffView(handOff);
    });
  }
}
