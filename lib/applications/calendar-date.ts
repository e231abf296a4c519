/**
 * Calendar dates of the dossier (milestone due dates, objective target dates).
 *
 * They travel as `YYYY-MM-DD` strings, the value of `<input type="date">`: a day, with no time and
 * no time zone, so no conversion can move it to the day before. Prisma's `@db.Date` columns take
 * and give a `Date` at UTC midnight: convert only at that boundary.
 *
 * - `checkCalendarDate(text)` → null when valid, else the problem in French
 * - `calendarDateToUtc("2026-02-13")` → `Date` 2026-02-13T00:00:00Z (for Prisma)
 * - `calendarDateFromUtc(date)` → "2026-02-13" (from Prisma)
 *
 * To write one for a reader: `formatCalendarDate` of lib/time/paris.ts.
 */

/** Earlier or later years are typing mistakes (0226, 20266) rather than project dates. */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

const FORMAT = /^(\d{4})-(\d{2})-(\d{2})$/;

export function checkCalendarDate(text: string): string | null {
  const match = FORMAT.exec(text);
  if (!match) return "Indiquez une date valide (jj/mm/aaaa).";
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 30 February over to March: a real day reads back unchanged.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return "Cette date n'existe pas.";
  }
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    return `L'année doit être comprise entre ${FIRST_YEAR} et ${LAST_YEAR}.`;
  }
  return null;
}

export function calendarDateToUtc(text: string): Date {
  const problem = checkCalendarDate(text);
  if (problem) throw new RangeError(`Not a calendar date: ${text}`);
  return new Date(`${text}T00:00:00.000Z`);
}

export function calendarDateFromUtc(date: Date): string {
  return date.toISOString().slice(0, 10);
}
