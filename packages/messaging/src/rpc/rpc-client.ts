import type { ClientProxy } from '@nestjs/microservices';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import { signRequest } from '@fengqiao/access-token';
import type { Actor } from '@fengqiao/contracts';
import { HubError, serviceUnavailable } from '@fengqiao/errors';

/**
 * Turns whatever a NATS request failed with into the error the caller should answer with.
 * A service's own failures always arrive as an ErrorBody (its RpcErrorFilter makes sure of
 * that), so anything else means no answer came back: the transport failed, and that is a 503.
 */
export function toHubError(error: unknown, service: string, timeoutMs: number): HubError {
  if (error instanceof HubError) return error;
  if (error instanceof TimeoutError) return serviceUnavailable(service, `no reply within ${timeoutMs} ms`);
  if (HubError.isBody(error)) return HubError.fromBody(error);
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as {
    code?: string;
    message?: string;
  };
  const text = `${e.code ?? ''} ${e.message ?? ''}`.toLowerCase();
  // NestJS reports NATS "no responders" as an EmptyResponseException.
  if (e.code === '503' || text.includes('no responders') || text.includes('no subscribers')) {
    return serviceUnavailable(service, 'no responders');
  }
  return serviceUnavailable(service, 'messaging unavailable');
}

/**
 * Request-reply to another service over core NATS with a bounded wait: every call either
 * answers, fails with the remote HubError, or fails with 503 within timeoutMs.
 */
export class RpcClient {
  constructor(
    private readonly client: ClientProxy,
    private readonly timeoutMs: number,
    /** With a key, every request carries the signature services check the actor with. */
    private readonly signingKey?: string,
  ) {}

  /** `origin` (where the caller's request came from) travels beside the actor, for the audit log. */
  async request<T>(
    service: string,
    subject: string,
    actor: Actor & { origin?: string },
    body: object,
  ): Promise<T> {
    const { origin, ...who } = actor;
    const issuedAt = Date.now();
    const signature = this.signingKey
      ? signRequest({ subject, issuedAt, actor: who, body, origin }, this.signingKey)
      : undefined;
    try {
      return await firstValueFrom(
        this.client
          .send<T>(subject, { actor: who, body, origin, issuedAt, signature })
          .pipe(timeout(this.timeoutMs)),
      );
    } catch (error) {
      throw toHubError(error, service, this.timeoutMs);
    }
  }
}
