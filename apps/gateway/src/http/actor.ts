import { createParamDecorator } from '@nestjs/common';
import type { Actor } from '@fengqiao/contracts';

/**
 * The caller, as it travels to the services. Until the identity issue lands there is no login,
 * so every caller is the same unauthenticated actor; the services already record whatever actor
 * arrives, so authenticated users will show up in timelines without further change.
 */
export const UNAUTHENTICATED: Actor = { id: 'unauthenticated', name: '未认证用户', role: 'unauthenticated' };

export const CurrentActor = createParamDecorator((): Actor => UNAUTHENTICATED);
