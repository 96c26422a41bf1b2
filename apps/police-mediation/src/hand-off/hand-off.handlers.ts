import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Audited } from '@fengqiao/audit';
import {
  Actor,
  AgencyIdParams,
  HandOffReferralCommand,
  PoliceSubjects,
  SetStationedCommitteeCommand,
  type HandOffView,
  type StationedCommitteeView,
} from '@fengqiao/contracts';
import { HandOffs } from './hand-offs';
import { StationedCommittees } from './stationed-committees';

@Controller()
export class HandOffHandlers {
  constructor(
    private readonly committees: StationedCommittees,
    private readonly handOffs: HandOffs,
  ) {}

  @MessagePattern(PoliceSubjects.stationedCommitteeSet)
  @Audited()
  setCommittee(
    @Payload('actor') actor: Actor,
    @Payload('body') body: SetStationedCommitteeCommand,
  ): Promise<StationedCommitteeView> {
    return this.committees.set(actor, body);
  }

  @MessagePattern(PoliceSubjects.stationedCommitteeGet)
  getCommittee(
    @Payload('actor') actor: Actor,
    @Payload('body') body: AgencyIdParams,
  ): Promise<StationedCommitteeView> {
    return this.committees.get(actor, body.agencyId);
  }

  /** 警调对接. */
  @MessagePattern(PoliceSubjects.referralHandOff)
  @Audited()
  handOff(
    @Payload('actor') actor: Actor,
    @Payload('body') body: HandOffReferralCommand,
  ): Promise<HandOffView> {
    return this.handOffs.request(actor, body);
  }
}
