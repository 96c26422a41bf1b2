import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '@fengqiao/contracts';

/**
 * The caller, as it travels to the services. Until the identity issue lands there is no login,
 * so every caller is the same unauthenticated actor; the services already record whatever actor
 * arrives, so authenticated users will show up in timelines without further change.
 */
export const UNAUTHENTICATED: Actor = { id: 'unauthenticated', name: '未认证用户', role: 'unauthenticated' };

/** The caller, with the address the request came from (recorded in the services' audit logs). */
export const CurrentActor = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Actor & { origin?: string } => ({
    ...UNAUTHENTICATED,
    origin: ctx.switchToHttp().getRequest<Request>().ip,
  }),
);
