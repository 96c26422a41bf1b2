import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Audited } from '@fengqiao/audit';
import {
  Actor,
  ListOnTheSpotMediationsCommand,
  OnTheSpotMediationParams,
  PoliceSubjects,
  RecordOnTheSpotMediationCommand,
  type OnTheSpotMediationView,
  type Page,
} from '@fengqiao/contracts';
import { OnTheSpotQueries } from './on-the-spot-queries';
import { RecordOnTheSpotMediation } from './record-on-the-spot-mediation';

@Controller()
export class OnTheSpotHandlers {
  constructor(
    private readonly recordMediation: RecordOnTheSpotMediation,
    private readonly queries: OnTheSpotQueries,
  ) {}

  /** 当场调处. */
  @MessagePattern(PoliceSubjects.onTheSpotRecord)
  @Audited()
  record(
    @Payload('actor') actor: Actor,
    @Payload('body') body: RecordOnTheSpotMediationCommand,
  ): Promise<OnTheSpotMediationView> {
    return this.recordMediation.execute(actor, body);
  }

  @MessagePattern(PoliceSubjects.onTheSpotList)
  list(
    @Payload('actor') actor: Actor,
    @Payload('body') query: ListOnTheSpotMediationsCommand,
  ): Promise<Page<OnTheSpotMediationView>> {
    return this.queries.list(actor, query);
  }

  @MessagePattern(PoliceSubjects.onTheSpotGet)
  get(
    @Payload('actor') actor: Actor,
    @Payload('body') params: OnTheSpotMediationParams,
  ): Promise<OnTheSpotMediationView> {
    return this.queries.get(actor, params);
  }
}
