import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  CloseReferralRequest,
  DispatchSubjects,
  InboxReferralView,
  ReferralIdParams,
  ReferralView,
  ReturnReferralRequest,
  type AgencySubjectSet,
} from '@fengqiao/contracts';
import { conflict, HubError } from '@fengqiao/errors';
import { Allow, assertAgencyScope, type RequestActor } from '../http/access';
import { CurrentActor } from '../http/actor';
import { ServiceClient } from '../http/service-client';

@ApiTags('referrals 派单')
@Controller('api/v1/referrals')
export class ReferralsController {
  constructor(private readonly services: ServiceClient) {}

  @Get(':referralId')
  @Allow('coordinator', 'leader', 'agency_staff', 'mediator')
  @ApiOkResponse({ type: ReferralView })
  get(@CurrentActor() actor: Actor, @Param() params: ReferralIdParams): Promise<ReferralView> {
    return this.services.dispatch(DispatchSubjects.referralGet, actor, params);
  }

  @Post(':referralId/accept')
  @Allow('agency_staff', 'mediator')
  @HttpCode(200)
  @ApiOkResponse({ type: InboxReferralView, description: '签收' })
  accept(@CurrentActor() actor: Actor, @Param() params: ReferralIdParams): Promise<InboxReferralView> {
    return this.toOwningAgency(actor, params.referralId, (s) => s.referralAccept, {});
  }

  @Post(':referralId/return')
  @Allow('agency_staff', 'mediator')
  @HttpCode(200)
  @ApiOkResponse({ type: InboxReferralView, description: '退单 with a reason, back to dispatch' })
  returnReferral(
    @CurrentActor() actor: RequestActor,
    @Param() params: ReferralIdParams,
    @Body() body: ReturnReferralRequest,
  ): Promise<InboxReferralView> {
    return this.toOwningAgency(actor, params.referralId, (s) => s.referralReturn, body);
  }

  @Post(':referralId/start')
  @Allow('agency_staff', 'mediator')
  @HttpCode(200)
  @ApiOkResponse({ type: InboxReferralView, description: '开始办理 an accepted referral' })
  start(@CurrentActor() actor: RequestActor, @Param() params: ReferralIdParams): Promise<InboxReferralView> {
    return this.toOwningAgency(actor, params.referralId, (s) => s.referralStart, {});
  }

  @Post(':referralId/close')
  @Allow('agency_staff', 'mediator')
  @HttpCode(200)
  @ApiOkResponse({ type: InboxReferralView, description: '办结 with an outcome' })
  close(
    @CurrentActor() actor: RequestActor,
    @Param() params: ReferralIdParams,
    @Body() body: CloseReferralRequest,
  ): Promise<InboxReferralView> {
    return this.toOwningAgency(actor, params.referralId, (s) => s.referralClose, body);
  }

  /** Dispatch knows which agency kind holds a referral; that agency's service does the work. */
  private async toOwningAgency(
    actor: RequestActor,
    referralId: string,
    pick: (s: AgencySubjectSet) => string,
    body: object,
  ) {
    const referral = await this.services.dispatch<ReferralView>(DispatchSubjects.referralGet, actor, {
      referralId,
    });
    assertAgencyScope(actor, referral.agencyId);
    try {
      return await this.services.agency<InboxReferralView>(referral.agencyKind, pick, actor, {
        ...body,
        referralId,
      });
    } catch (e) {
      // Dispatch has it but the agency's inbox does not yet: the event is still on its way.
      if (e instanceof HubError && e.status === 404) {
        throw conflict(
          `referral ${referralId} has not reached ${referral.agencyName}'s inbox yet; try again in a moment`,
          `派单尚未送达${referral.agencyName}，请稍后重试`,
        );
      }
      throw e;
    }
  }
}
