import type { NotificationChannelKind } from '@fengqiao/contracts';
import { DingTalkRobot } from './dingtalk';
import type { NotificationChannel } from './notification-channel';
import { HttpSmsGateway, SmsChannel } from './sms';
import { WeComRobot } from './wecom';

export type ChannelAdapters = Record<NotificationChannelKind, NotificationChannel>;

export const CHANNEL_ADAPTERS = Symbol('CHANNEL_ADAPTERS');

/** One adapter per channel kind, from the service's configuration. */
export function channelAdapters(config: {
  DELIVERY_TIMEOUT_MS: number;
  SMS_GATEWAY_URL?: string;
  SMS_GATEWAY_KEY?: string;
}): ChannelAdapters {
  const timeout = config.DELIVERY_TIMEOUT_MS;
  const sms =
    config.SMS_GATEWAY_URL && config.SMS_GATEWAY_KEY
      ? new HttpSmsGateway(config.SMS_GATEWAY_URL, config.SMS_GATEWAY_KEY, timeout)
      : null;
  return {
    dingtalk: new DingTalkRobot(timeout),
    wecom: new WeComRobot(timeout),
    sms: new SmsChannel(sms),
  };
}
