import { ChannelSendError } from './notification-channel';

export interface HttpAnswer {
  status: number;
  text: string;
}

/**
 * POSTs a JSON body with a hard time limit on the whole exchange (connect, answer and body), so a
 * hung endpoint costs one slot for at most `timeoutMs`. `what` names the far end in errors
 * (e.g. `DingTalk robot at oapi.dingtalk.com`): never the URL, whose query holds the credential.
 */
export async function postJson(
  url: string,
  body: string,
  options: { timeoutMs: number; what: string; headers?: Record<string, string> },
): Promise<HttpAnswer> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...options.headers },
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    return { status: res.status, text: await res.text() };
  } catch (e) {
    const error = e as Error & { cause?: { code?: string; message?: string } };
    if (error.name === 'TimeoutError' || error.name === 'AbortError') {
      throw new ChannelSendError(`${options.what}: no answer within ${options.timeoutMs} ms`, true);
    }
    const cause = error.cause?.code ?? error.cause?.message ?? error.message;
    throw new ChannelSendError(`${options.what}: could not be reached (${cause})`, true);
  }
}

/** An HTTP status that is not a success: worth retrying when the far end is busy or broken. */
export function httpStatusFailure(what: string, answer: HttpAnswer): ChannelSendError {
  const retryable = answer.status === 408 || answer.status === 429 || answer.status >= 500;
  const detail = answer.text.replace(/\s+/g, ' ').trim().slice(0, 200);
  return new ChannelSendError(`${what}: HTTP ${answer.status}${detail ? ` ${detail}` : ''}`, retryable);
}

/** The `{ errcode, errmsg }` answer both robot APIs give; null when the body is not that. */
export function robotAnswer(text: string): { errcode: number; errmsg: string } | null {
  try {
    const v = JSON.parse(text) as { errcode?: unknown; errmsg?: unknown };
    if (typeof v.errcode !== 'number') return null;
    return { errcode: v.errcode, errmsg: typeof v.errmsg === 'string' ? v.errmsg.slice(0, 200) : '' };
  } catch {
    return null;
  }
}

/** A 2xx from a robot webhook whose body says whether it was really accepted. */
export function checkRobotAnswer(
  what: string,
  answer: HttpAnswer,
  retryableCodes: ReadonlySet<number>,
): void {
  if (answer.status < 200 || answer.status >= 300) throw httpStatusFailure(what, answer);
  const parsed = robotAnswer(answer.text);
  if (!parsed) {
    // A proxy's error page or a truncated answer: the message may not have arrived; try again later.
    throw new ChannelSendError(`${what}: unexpected answer (no errcode)`, true);
  }
  if (parsed.errcode !== 0) {
    throw new ChannelSendError(
      `${what}: errcode ${parsed.errcode}${parsed.errmsg ? ` ${parsed.errmsg}` : ''}`,
      retryableCodes.has(parsed.errcode),
    );
  }
}
