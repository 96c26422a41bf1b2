import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Audited } from '@fengqiao/audit';
import {
  Actor,
  AgencyIdParams,
  NotificationSubjects,
  SetNotificationChannelsCommand,
  type NotificationChannelView,
} from '@fengqiao/contracts';
import { ChannelSettings } from './channel-settings';

@Controller()
export class ChannelsHandlers {
  constructor(private readonly settings: ChannelSettings) {}

  /** Masked: webhook as scheme and host, phones 138****8000, whether a secret is set. */
  @MessagePattern(NotificationSubjects.channelList)
  list(
    @Payload('actor') actor: Actor,
    @Payload('body') params: AgencyIdParams,
  ): Promise<NotificationChannelView[]> {
    return this.settings.list(actor, params.agencyId);
  }

  /** Replaces the agency's channels as a whole (admin). Audited, never with the values. */
  @MessagePattern(NotificationSubjects.channelSet)
  @Audited()
  set(
    @Payload('actor') actor: Actor,
    @Payload('body') command: SetNotificationChannelsCommand,
  ): Promise<NotificationChannelView[]> {
    return this.settings.set(actor, command);
  }
}
