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

/** A 12-digit division code's subtree as a prefix: 370781000000 → 370781, 370781007000 → 370781007. */
export function subtreePrefix(code: string): string {
  const full = code.padEnd(12, '0');
  if (full.endsWith('000000')) return full.slice(0, full.endsWith('00000000') ? 4 : 6);
  if (full.endsWith('000')) return full.slice(0, 9);
  return full;
}
