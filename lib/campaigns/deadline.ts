/**
 * The closing time that applies to one establishment: the wave's, or a later one granted to it.
 * Every check of the deadline (submission, reminders, eligibility) goes through here, with the
 * server's clock: the closing instant itself is already too late.
 */
export function effectiveClosingTime(wave: { closesAt: Date }, extension?: { closesAt: Date } | null): Date {
  return extension && extension.closesAt > wave.closesAt ? extension.closesAt : wave.closesAt;
}

export function isPastDeadline(now: Date, wave: { closesAt: Date }, extension?: { closesAt: Date } | null): boolean {
  return now >= effectiveClosingTime(wave, extension);
}
