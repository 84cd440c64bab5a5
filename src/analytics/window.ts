/** The date window and period options shared by the analytics, checked once. */
import { isIsoDate } from '../core/calendar.js';
import { MizanError } from '../core/errors.js';
import type { DateWindow } from '../store/analytics.types.js';

/** A period of a trend: ISO weeks (labelled by their Monday) or calendar months (YYYY-MM). */
export type Period = 'week' | 'month';

/**
 * The window as the store takes it, with its dates checked.
 * @throws MizanError MIZAN_E_USAGE when a date is not YYYY-MM-DD or `since` comes after `until`.
 */
export function checkWindow(opts: { since?: string | undefined; until?: string | undefined }): DateWindow {
  const w: DateWindow = {};
  for (const key of ['since', 'until'] as const) {
    const v = opts[key];
    if (v === undefined) continue;
    if (!isIsoDate(v)) throw new MizanError('MIZAN_E_USAGE', `${key} must be a date written YYYY-MM-DD, not "${v}"`);
    w[key] = v;
  }
  if (w.since && w.until && w.since > w.until) throw new MizanError('MIZAN_E_USAGE', `since (${w.since}) comes after until (${w.until})`);
  return w;
}

/**
 * Check an actor pair: two codes, not the same one.
 * @throws MizanError MIZAN_E_USAGE when a code is empty or both are the same.
 */
export function checkPair(a: string, b: string): void {
  if (!a || !b) throw new MizanError('MIZAN_E_USAGE', 'a dyad takes two actor codes');
  if (a === b) throw new MizanError('MIZAN_E_USAGE', `a dyad takes two different actors, not ${a} twice`);
}
