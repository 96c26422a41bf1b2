import type { NotificationChannelKind } from '@fengqiao/contracts';

/** Where one delivery goes, decrypted only for the moment of sending. */
export interface ChannelTarget {
  kind: NotificationChannelKind;
  webhookUrl?: string;
  /** DingTalk 加签 secret. */
  secret?: string;
  phones?: string[];
}

/** One way of reaching a unit: a DingTalk robot, a WeCom robot, SMS. */
export interface NotificationChannel {
  readonly kind: NotificationChannelKind;
  /** Resolves when the far end accepted the message; throws a ChannelSendError otherwise. */
  send(message: string, channel: ChannelTarget): Promise<void>;
}

/**
 * Why a send failed, in words fit for `deliveries.last_error` (never a token, secret or full phone),
 * and whether trying again later can help (rate limits, timeouts, 5xx) or not (a bad webhook, no gateway).
 */
export class ChannelSendError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(redactSecrets(message));
    this.name = 'ChannelSendError';
  }
}

const MOBILE = /(?<![\d*])(?:\+?86)?(1\d{2})\d{4}(\d{4})(?!\d)/g;

/**
 * Removes what must never reach a log line or a delivery row: URL credentials (access_token, key,
 * sign), DingTalk secrets, and the middle digits of mobile numbers.
 */
export function redactSecrets(text: string): string {
  return text
    .replace(/\b(access_token|key|sign|secret|token)=[^&\s"',;)]+/gi, '$1=***')
    .replace(/\bSEC[0-9a-zA-Z]{8,}/g, 'SEC***')
    .replace(MOBILE, '$1****$2');
}

/** The host a webhook or gateway is named by in errors; a URL that does not parse cannot be sent to. */
export function hostOf(url: string, what: string): string {
  try {
    return new URL(url).host;
  } catch {
    throw new ChannelSendError(`${what}: the configured address is not a valid URL`, false);
  }
}

/** `https://oapi.dingtalk.com`: what a webhook may be shown as (its path and query hold the token). */
export function webhookOrigin(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return 'invalid URL';
  }
}
