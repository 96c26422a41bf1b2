import {
  Injectable,
  SetMetadata,
  type CanActivate,
  type ExecutionContext,
  type INestApplication,
} from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { InvalidAccessToken, verifyAccessToken } from '@fengqiao/access-token';
import { ROLES, type Actor, type Role } from '@fengqiao/contracts';
import { HubError } from '@fengqiao/errors';
import { RevokedSessions } from '@fengqiao/messaging';

const ACCESS_RULE = 'fengqiao:access-rule';

export type AccessRule = { public: true } | { roles: readonly Role[] };

/** Who may call a route. Every route must carry exactly one of these (checked at start-up). */
export const Allow = (...roles: Role[]) => SetMetadata(ACCESS_RULE, { roles } satisfies AccessRule);
export const Public = () => SetMetadata(ACCESS_RULE, { public: true } satisfies AccessRule);
export const ANY_ROLE: Role[] = [...ROLES];

/** The caller as the gateway knows it after checking the token, with the scope it carries. */
export type RequestActor = Actor & { origin?: string; jurisdictionCode?: string; agencyId?: string };

export const UNAUTHENTICATED: Actor = { id: 'unauthenticated', name: '未认证用户', role: 'unauthenticated' };

const unauthenticated = (why: string) =>
  new HubError(401, 'UNAUTHENTICATED', `sign in first: ${why}`, '请先登录（访问令牌缺失、无效或已过期）');
const forbidden = (role: string) =>
  new HubError(403, 'FORBIDDEN', `the ${role} role may not do this`, '当前角色无权进行此操作');

export const ACCESS_TOKEN_SECRET = 'ACCESS_TOKEN_SECRET';

/**
 * Deny by default: a route without a rule is refused (and the app refuses to start with one).
 * Public routes pass; the rest need a valid bearer token whose role the rule names.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly secret: string,
    private readonly revoked: RevokedSessions,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const rule = this.reflector.get<AccessRule | undefined>(ACCESS_RULE, context.getHandler());
    const req = context.switchToHttp().getRequest<Request & { actor?: RequestActor }>();
    if (!rule) throw forbidden('(undeclared route)');
    if ('public' in rule) {
      req.actor = { ...UNAUTHENTICATED, origin: req.ip };
      return true;
    }
    const header = req.headers.authorization ?? '';
    const token = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(header)?.[1];
    if (!token) throw unauthenticated('no bearer token');
    let claims;
    try {
      claims = verifyAccessToken(token, this.secret);
    } catch (e) {
      throw unauthenticated(e instanceof InvalidAccessToken ? e.message : 'invalid token');
    }
    if (this.revoked.has(claims.sid)) throw unauthenticated('the session was signed out');
    if (!rule.roles.includes(claims.role as Role)) throw forbidden(claims.role);
    req.actor = {
      id: claims.sub,
      name: claims.name,
      role: claims.role,
      origin: req.ip,
      ...(claims.jurisdictionCode ? { jurisdictionCode: claims.jurisdictionCode } : {}),
      ...(claims.agencyId ? { agencyId: claims.agencyId } : {}),
    };
    return true;
  }
}

export interface RouteRule {
  method: string;
  handler: string;
  rule: AccessRule | undefined;
}

/** Every controller method of the app with its rule; start-up fails if any has none. */
export function routeRules(app: INestApplication): RouteRule[] {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  const rules: RouteRule[] = [];
  for (const wrapper of discovery.getControllers()) {
    const proto = Object.getPrototypeOf(wrapper.instance) as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = proto[name] as () => unknown;
      if (Reflect.getMetadata('path', handler) === undefined) continue; // not a route
      rules.push({
        method: name,
        handler: `${wrapper.name}.${name}`,
        rule: reflector.get<AccessRule>(ACCESS_RULE, handler),
      });
    }
  }
  return rules;
}

export function assertEveryRouteHasARule(app: INestApplication): void {
  const missing = routeRules(app).filter((r) => !r.rule);
  if (missing.length > 0) {
    throw new Error(
      `routes without an access rule (add @Allow(...) or @Public()): ${missing.map((r) => r.handler).join(', ')}`,
    );
  }
}

/** An agency's own clerk or mediator, or a coordinator; other agencies' staff never. */
export function assertAgencyScope(actor: RequestActor, agencyId: string): void {
  if ((actor.role === 'agency_staff' || actor.role === 'mediator') && actor.agencyId !== agencyId) {
    throw new HubError(403, 'FORBIDDEN', 'this belongs to another agency', '无权访问其他单位的派单');
  }
}
