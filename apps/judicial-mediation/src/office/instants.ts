import { unprocessable } from '@fengqiao/errors';

/** A little leeway for clocks that disagree by a few seconds. */
const CLOCK_SKEW_MS = 60_000;

/** A time the caller reports as past (held, filed, done …): 422 naming the field when it is ahead of now. */
export function pastInstant(field: string, iso: string, now = new Date()): Date {
  const at = new Date(iso);
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw unprocessable(field, 'may not be in the future', '不能晚于当前时间');
  return at;
}

/** A time that must not come before an earlier step (filed after prepared, done after inspected …). */
export function notBefore(field: string, at: Date, earlier: Date, en: string, zh: string): void {
  if (at.getTime() < earlier.getTime())
    throw unprocessable(field, `may not be before ${en} (${earlier.toISOString()})`, `不能早于${zh}`);
}
