import { createHmac } from 'node:crypto';
import { httpStatusFailure, postJson } from './http';
import {
  ChannelSendError,
  hostOf,
  type ChannelTarget,
  type NotificationChannel,
} from './notification-channel';

/** Sends one text to some mobiles; throws a ChannelSendError when it cannot. */
export interface SmsSender {
  sendText(phones: string[], text: string): Promise<void>;
}

/** `X-Signature`: hex HMAC-SHA256 of the exact request body under SMS_GATEWAY_KEY. */
export function smsSignature(body: string, key: string): string {
  return createHmac('sha256', key).update(body).digest('hex');
}

/**
 * The hub's SMS gateway (an operator's or a vendor's HTTP front): POST JSON `{ phones, text,
 * timestamp }` with `X-Signature`; any 2xx means accepted, 408/429/5xx are worth retrying.
 */
export class HttpSmsGateway implements SmsSender {
  constructor(
    private readonly url: string,
    private readonly key: string,
    private readonly timeoutMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async sendText(phones: string[], text: string): Promise<void> {
    const what = `SMS gateway at ${hostOf(this.url, 'SMS gateway')}`;
    const body = JSON.stringify({ phones, text, timestamp: this.now() });
    const answer = await postJson(this.url, body, {
      timeoutMs: this.timeoutMs,
      what,
      headers: { 'x-signature': smsSignature(body, this.key) },
    });
    if (answer.status < 200 || answer.status >= 300) throw httpStatusFailure(what, answer);
  }
}

/** SMS channels: through the configured gateway, or a recorded, non-retryable failure without one. */
export class SmsChannel implements NotificationChannel {
  readonly kind = 'sms' as const;

  constructor(private readonly sender: SmsSender | null) {}

  async send(message: string, channel: ChannelTarget): Promise<void> {
    if (!this.sender) {
      throw new ChannelSendError(
        'SMS not sent: no SMS gateway is configured (set SMS_GATEWAY_URL and SMS_GATEWAY_KEY on the notifications service)',
        false,
      );
    }
    if (!channel.phones?.length) throw new ChannelSendError('SMS channel has no phones', false);
    await this.sender.sendText(channel.phones, message);
  }
}
