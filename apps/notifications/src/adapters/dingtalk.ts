import { createHmac } from 'node:crypto';
import { checkRobotAnswer, postJson } from './http';
import {
  ChannelSendError,
  hostOf,
  type ChannelTarget,
  type NotificationChannel,
} from './notification-channel';

/** errcodes worth retrying: -1 系统繁忙, 130101 发送太快被限流 (20 a minute per robot), 429. */
export const DINGTALK_RETRYABLE = new Set([-1, 130101, 429]);

/**
 * DingTalk 加签: base64 HMAC-SHA256 of `<timestamp>\n<secret>` keyed by the secret. DingTalk
 * refuses a timestamp more than an hour away from its clock.
 */
export function dingTalkSign(timestampMs: number, secret: string): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

/** The webhook with `timestamp` and the URL-encoded `sign` appended (after its access_token). */
export function signedDingTalkUrl(webhookUrl: string, secret: string, timestampMs: number): string {
  const url = new URL(webhookUrl);
  url.searchParams.set('timestamp', String(timestampMs));
  url.searchParams.set('sign', dingTalkSign(timestampMs, secret));
  return url.toString();
}

/** A DingTalk group robot (自定义机器人) with 加签 security. */
export class DingTalkRobot implements NotificationChannel {
  readonly kind = 'dingtalk' as const;

  constructor(
    private readonly timeoutMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async send(message: string, channel: ChannelTarget): Promise<void> {
    if (!channel.webhookUrl || !channel.secret) {
      throw new ChannelSendError('DingTalk channel has no webhook or no secret', false);
    }
    const what = `DingTalk robot at ${hostOf(channel.webhookUrl, 'DingTalk robot')}`;
    const answer = await postJson(
      signedDingTalkUrl(channel.webhookUrl, channel.secret, this.now()),
      JSON.stringify({ msgtype: 'text', text: { content: message } }),
      { timeoutMs: this.timeoutMs, what },
    );
    checkRobotAnswer(what, answer, DINGTALK_RETRYABLE);
  }
}
