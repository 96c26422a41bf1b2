import type { Actor } from '@fengqiao/contracts';
import { forbidden } from '@fengqiao/errors';

/**
 * The service's own role check, from the signed actor: the gateway's `@Allow` is the first gate,
 * this is the second, so a request that reaches NATS some other way is held to the same rule.
 */
export function assertRole(actor: Actor, roles: readonly string[], what: string, whatZh: string): void {
  if (!roles.includes(actor.role)) {
    throw forbidden(`the ${actor.role} role may not ${what}`, `当前角色不能${whatZh}`);
  }
}
