/**
 * Crash points for the crash-safety tests. `FQ_FAILPOINTS=relay.before-publish,...` makes the
 * process SIGKILL itself when it reaches a named point, so a test can crash it exactly between
 * two steps; `name:detail` fires only when the point is reached for that detail (e.g. a subject).
 * Unset in every real deployment, where this is a set lookup and nothing else.
 */
const active = new Set((process.env.FQ_FAILPOINTS ?? '').split(',').filter(Boolean));

export type FailpointName =
  'relay.before-publish' | 'relay.after-publish' | 'consumer.after-commit' | 'sla.before-commit';

export function failpoint(name: FailpointName, details: string[] = []): void {
  if (active.size === 0) return;
  if (active.has(name) || details.some((d) => active.has(`${name}:${d}`)))
    process.kill(process.pid, 'SIGKILL');
}
