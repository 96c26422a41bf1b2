import { checkRobotAnswer, postJson } from './http';
import {
  ChannelSendError,
  hostOf,
  type ChannelTarget,
  type NotificationChannel,
} from './notification-channel';

/** errcodes worth retrying: -1 系统繁忙, 45009 接口调用超过限制 (20 a minute per robot), 45033 并发超限. */
export const WECOM_RETRYABLE = new Set([-1, 45009, 45033]);

/** A WeCom (企业微信) group robot: the key in its webhook URL is the credential. */
export class WeComRobot implements NotificationChannel {
  readonly kind = 'wecom' as const;

  constructor(private readonly timeoutMs: number) {}

  async send(message: string, channel: ChannelTarget): Promise<void> {
    if (!channel.webhookUrl) throw new ChannelSendError('WeCom channel has no webhook', false);
    const what = `WeCom robot at ${hostOf(channel.webhookUrl, 'WeCom robot')}`;
    const answer = await postJson(
      channel.webhookUrl,
      JSON.stringify({ msgtype: 'text', text: { content: message } }),
      { timeoutMs: this.timeoutMs, what },
    );
    checkRobotAnswer(what, answer, WECOM_RETRYABLE);
  }
}
