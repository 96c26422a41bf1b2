import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  AgencyIdParams,
  DispatchSubjects,
  ListDeliveriesQuery,
  NotificationChannelView,
  NotificationSubjects,
  SetNotificationChannelsRequest,
  type DeliveryView,
  type Page,
} from '@fengqiao/contracts';
import { Allow } from '../http/access';
import { CurrentActor } from '../http/actor';
import { ServiceClient } from '../http/service-client';

/** Where each unit receives its SLA warnings (钉钉, 企业微信, 短信), and what was delivered. */
@ApiTags('notifications 预警通知')
@Controller('api/v1')
export class NotificationsController {
  constructor(private readonly services: ServiceClient) {}

  @Get('agencies/:agencyId/notification-channels')
  @Allow('admin')
  @ApiOkResponse({ type: [NotificationChannelView], description: 'masked: no token, secret or full phone' })
  channels(
    @CurrentActor() actor: Actor,
    @Param() params: AgencyIdParams,
  ): Promise<NotificationChannelView[]> {
    return this.services.request('notifications', NotificationSubjects.channelList, actor, params);
  }

  @Put('agencies/:agencyId/notification-channels')
  @Allow('admin')
  @ApiOkResponse({ type: [NotificationChannelView], description: "replaces the unit's channels as a whole" })
  async setChannels(
    @CurrentActor() actor: Actor,
    @Param() params: AgencyIdParams,
    @Body() body: SetNotificationChannelsRequest,
  ): Promise<NotificationChannelView[]> {
    // Notifications knows units only by id: an unknown unit is dispatch's 404.
    await this.services.dispatch(DispatchSubjects.agencyGet, actor, params);
    return this.services.request('notifications', NotificationSubjects.channelSet, actor, {
      ...body,
      ...params,
    });
  }

  @Get('notification-deliveries')
  @Allow('admin', 'coordinator', 'leader')
  @ApiOkResponse({ description: 'warnings and breaches sent or being retried, newest first' })
  deliveries(@CurrentActor() actor: Actor, @Query() query: ListDeliveriesQuery): Promise<Page<DeliveryView>> {
    return this.services.request('notifications', NotificationSubjects.deliveryList, actor, query);
  }
}
