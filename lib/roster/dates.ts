/**
 * Calendar days for the roster, as integers.
 *
 * Every roster date is date-only (`@db.Date`): Prisma hands it over as a Date at UTC midnight, files
 * give `AAAA-MM-JJ` or `JJ/MM/AAAA`. All comparisons are made on the **UTC day number** (days since
 * 1970-01-01), so no time zone can move a date by one day. A Date with a time of day is read as its
 * UTC calendar day: to ask « today », pass `parisToday()` (the programme's dates are Paris dates).
 *
 * Public API: `DayInput`, `Day`, `toDay`, `parseIsoDay`, `parseFrenchDay`, `dayToDate`,
 * `dayToIsoDate`, `formatDayFr`, `formatDayFrLong`, `addYears`, `parisToday`.
 */
import { formatCalendarDate, formatNumericCalendarDate } from "@/lib/time/paris";

/** « Today » for the roster is the Paris calendar day. */
export { parisToday } from "@/lib/time/paris";

export type DayInput = string | Date;
/** Days since 1970-01-01 (UTC). */
export type Day = number;

const MS_PER_DAY = 86_400_000;

function dayFromParts(year: number, month: number, day: number): Day | null {
  if (year < 1000 || month < 1 || month > 12 || day < 1) return null;
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 31/02 over to March: a date that does not come back unchanged does not exist.
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return ms / MS_PER_DAY;
}

/** `AAAA-MM-JJ` → day, or null when it is not an existing date. */
export function parseIsoDay(text: string): Day | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  return match ? dayFromParts(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

/** `JJ/MM/AAAA` (also `J/M/AAAA`, as spreadsheets shorten it) → day, or null. */
export function parseFrenchDay(text: string): Day | null {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  return match ? dayFromParts(Number(match[3]), Number(match[2]), Number(match[1])) : null;
}

/** The UTC day of a Date, or of a strict `AAAA-MM-JJ` string. Throws on anything else (a bug, not input). */
export function toDay(value: DayInput): Day {
  if (typeof value !== "string") {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new Error("Invalid Date");
    return Math.floor(ms / MS_PER_DAY);
  }
  const day = parseIsoDay(value);
  if (day === null) throw new Error(`Not a YYYY-MM-DD date: ${value}`);
  return day;
}

/** The Date Prisma expects for a `@db.Date` column: UTC midnight of the day. */
export function dayToDate(day: Day): Date {
  return new Date(day * MS_PER_DAY);
}

export function dayToIsoDate(day: Day): string {
  return dayToDate(day).toISOString().slice(0, 10);
}

/** « 01/03/2026 » (lib/time/paris.ts writes it). */
export function formatDayFr(day: Day): string {
  return formatNumericCalendarDate(dayToIsoDate(day));
}

/** « 1er janvier 2026 », « 31 décembre 2025 » (lib/time/paris.ts writes it). */
export function formatDayFrLong(day: Day): string {
  return formatCalendarDate(dayToIsoDate(day));
}

/** The same calendar day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(day: Day, years: number): Day {
  const date = dayToDate(day);
  const year = date.getUTCFullYear() + years;
  const month = date.getUTCMonth();
  const lastDayOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(date.getUTCDate(), lastDayOfMonth)) / MS_PER_DAY;
}
