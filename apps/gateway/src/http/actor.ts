import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { UNAUTHENTICATED, type RequestActor } from './access';

/** The caller the AccessGuard established for this request (its address included, for the audit log). */
export const CurrentActor = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): RequestActor =>
    ctx.switchToHttp().getRequest<Request & { actor?: RequestActor }>().actor ?? UNAUTHENTICATED,
);
