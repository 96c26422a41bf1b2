/**
 * Crash points for the crash-safety tests. `FQ_FAILPOINTS=relay.before-publish,...` makes the
 * process SIGKILL itself when it reaches a named point, so a test can crash it exactly between
 * two steps. Unset in every real deployment, where this is a set lookup and nothing else.
 */
const active = new Set((process.env.FQ_FAILPOINTS ?? '').split(',').filter(Boolean));

export type FailpointName = 'relay.before-publish' | 'relay.after-publish' | 'consumer.after-commit';

export function failpoint(name: FailpointName): void {
  if (active.has(name)) process.kill(process.pid, 'SIGKILL');
}
