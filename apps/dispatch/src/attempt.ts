import type { EntityManager } from 'typeorm';
import { HubError } from '@fengqiao/errors';

export type Attempted<T> = { ok: true; value: T } | { ok: false; refusal: HubError };

/**
 * Runs a step the hand-over rules may refuse (a HubError: 409, 422 …) in a savepoint of the
 * caller's transaction. A refusal undoes only the step's own writes and comes back as a value, so an
 * event consumer can put the reason on the timeline instead of failing the message for ever (an
 * event cannot be answered with 422). Any other error still fails the whole transaction.
 */
export async function attempt<T>(
  m: EntityManager,
  step: (m: EntityManager) => Promise<T>,
): Promise<Attempted<T>> {
  try {
    return { ok: true, value: await m.transaction(step) };
  } catch (e) {
    if (e instanceof HubError) return { ok: false, refusal: e };
    throw e;
  }
}
