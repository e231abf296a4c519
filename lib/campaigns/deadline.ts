/**
 * A closing is stored as the minute it is shown with (« 13 février 2026 à 23 h 59 », heure de Paris),
 * and that minute is included: a deposit at 23:59:59.999 is on time, one at 00:00:00 is late. Every
 * comparison of a closing with the clock (submission, wave status, eligibility, reminders, the
 * withdrawal of an extension, forms that refuse a closing already passed) goes through here.
 */
const INCLUDED_MINUTE_MS = 60_000;

/** The first instant that is too late for a closing: the end of its minute (exclusive). */
export function depositCutOff(closesAt: Date): Date {
  return new Date(closesAt.getTime() + INCLUDED_MINUTE_MS);
}

/** Whether `closesAt` has passed at `now`, its own minute included in the time left. */
export function isPastClosing(now: Date, closesAt: Date): boolean {
  return now >= depositCutOff(closesAt);
}

/**
 * The same rule for a database query: a stored closing later than this instant is still open at
 * `now` (`closesAt: { gt: latestPassedClosing(now) }`), one at or before it has passed.
 */
export function latestPassedClosing(now: Date): Date {
  return new Date(now.getTime() - INCLUDED_MINUTE_MS);
}

/**
 * The closing time that applies to one establishment: the wave's, or a later one granted to it.
 * Every check of the deadline (submission, reminders, eligibility) goes through here, with the
 * server's clock.
 */
export function effectiveClosingTime(wave: { closesAt: Date }, extension?: { closesAt: Date } | null): Date {
  return extension && extension.closesAt > wave.closesAt ? extension.closesAt : wave.closesAt;
}

export function isPastDeadline(now: Date, wave: { closesAt: Date }, extension?: { closesAt: Date } | null): boolean {
  return isPastClosing(now, effectiveClosingTime(wave, extension));
}
