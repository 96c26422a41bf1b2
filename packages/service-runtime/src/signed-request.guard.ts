import type { CanActivate, ExecutionContext } from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import { checkRequest } from '@fengqiao/access-token';
import { HubError } from '@fengqiao/errors';

interface Envelope {
  actor?: unknown;
  body?: unknown;
  origin?: string;
  issuedAt?: number;
  signature?: unknown;
}

/**
 * A service acts on a request only when the gateway signed it (subject, time, actor, body), so its
 * role and scope can be trusted. Health checks reveal nothing and are answered to anyone.
 */
export class SignedRequestGuard implements CanActivate {
  constructor(private readonly key: string) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'rpc') return true;
    const rpc = context.switchToRpc();
    const subject = rpc.getContext<NatsContext>().getSubject();
    if (subject.endsWith('.health.check.v1')) return true;
    const e = rpc.getData<Envelope>() ?? {};
    const check = checkRequest(
      { subject, issuedAt: e.issuedAt as number, actor: e.actor, body: e.body, origin: e.origin },
      e.signature,
      this.key,
    );
    if (check !== 'ok') {
      throw new HubError(401, 'UNAUTHENTICATED', `request refused: ${check}`, '请求未经网关签名或已过期');
    }
    return true;
  }
}
