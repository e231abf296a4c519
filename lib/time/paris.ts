import { TZDate } from "@date-fns/tz";
import { formatTimeOfDay } from "@/lib/format/time-of-day";

/**
 * Programme dates are announced, shown and enforced in Paris time, and written in French. This is the
 * one module that writes a date or a time for a reader (pages, e-mails, PDFs, error messages):
 *
 * | function                         | writes                                 | from                 |
 * |----------------------------------|----------------------------------------|----------------------|
 * | `formatParisDate(instant)`       | « 1er janvier 2026 »                   | an instant, in Paris |
 * | `formatParisDateTime(instant)`   | « 13 février 2026 à 23 h 59 »          | an instant, in Paris |
 * | `formatParisDateTimeToTheSecond` | « 13 février 2026 à 23 h 59 min 59 s » | an instant, in Paris |
 * | `formatParisNumericDateTime`     | « 13/02/2026 23:59 » (spreadsheets)    | an instant, in Paris |
 * | `formatParisTime(instant)`       | « 23 h 59 min 59 s »                   | an instant, in Paris |
 * | `formatCalendarDate(day)`        | « 1er février 2026 »                   | a `YYYY-MM-DD` day   |
 * | `formatNumericCalendarDate(day)` | « 01/02/2026 »                         | a `YYYY-MM-DD` day   |
 *
 * Rules: the first of a month is « 1er », as French typography wants (Intl writes « 1 »); a time of
 * day is written by `formatTimeOfDay` (lib/format/time-of-day.ts: « 23 h 59 », no-break spaces).
 * A `YYYY-MM-DD` day has no time and no zone: it is written as is, never moved to the day before.
 */
export const PARIS = "Europe/Paris";

/** The instant of a Paris wall-clock date-time written `YYYY-MM-DDTHH:mm[:ss]`. */
export function parisDateTime(local: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!match) throw new Error(`Not a local date-time: ${local}`);
  const [, year, month, day, hour, minute, second = "0"] = match;
  return new Date(new TZDate(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), PARIS).getTime());
}

/**
 * The first instant after a Paris calendar day: a day's events are those before it, to the last
 * millisecond (« jusqu'au 31 mars » ends at midnight, not at 23:59:59.000).
 */
export function endOfParisDayExclusive(day: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const next = new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
  return parisDateTime(`${next}T00:00`);
}

type WallClock = { year: string; month: string; day: string; hour: string; minute: string; second: string };

const wallClockFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: PARIS,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** What a Paris clock and calendar show at an instant, as zero-padded digits. */
function parisWallClock(instant: Date): WallClock {
  const parts = wallClockFormat.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? "";
  return { year: part("year"), month: part("month"), day: part("day"), hour: part("hour"), minute: part("minute"), second: part("second") };
}

/** The Paris wall-clock time of an instant as `YYYY-MM-DDTHH:mm`, the value of `<input type="datetime-local">`. */
export function toParisLocal(instant: Date): string {
  const { year, month, day, hour, minute } = parisWallClock(instant);
  return `${year}-${month}-${day}T${hour}:${minute}`;
}

/** The Paris calendar day of an instant as `YYYY-MM-DD`: on 1 January at 00:30 in Paris it is already 2026 there. */
export function parisToday(now: Date = new Date()): string {
  const { year, month, day } = parisWallClock(now);
  return `${year}-${month}-${day}`;
}

const HOUR = 60 * 60 * 1000;

const [TWO, THREE] = [formatTimeOfDay({ hour: 2, minute: 0 }), formatTimeOfDay({ hour: 3, minute: 0 })];

export const PARIS_MISSING_TIME = `Cette date et cette heure n'existent pas à Paris : vérifiez le jour, ou évitez l'heure sautée au passage à l'heure d'été (entre ${TWO} et ${THREE}).`;
export const PARIS_REPEATED_TIME = `Cette heure existe deux fois à Paris ce jour-là : au passage à l'heure d'hiver, les horloges reviennent de ${THREE} à ${TWO}. Choisissez une heure avant ${TWO} ou à partir de ${THREE}.`;

/**
 * What is wrong, for a reader, with a Paris wall-clock time `YYYY-MM-DDTHH:mm` typed in a form;
 * null when it names one instant. Every form that takes a Paris date and time (a wave's dates, an
 * extension, review due dates, a response deadline) refuses with these words, so that the same
 * input gets the same answer everywhere:
 * - a day that does not exist (31 April), or a time in the hour skipped when summer time starts
 *   (the last Sunday of March, 02:00 to 03:00): no clock shows it;
 * - a time in the hour repeated when winter time comes back (the last Sunday of October, 02:00 to
 *   02:59, shown twice): it names two instants an hour apart, and for a deadline that hour is the
 *   difference between on time and late. It is refused rather than read as one of the two in
 *   silence; the manager picks a time either side (ADR 0038, amendment of 7 December 2026).
 * A value not written `YYYY-MM-DDTHH:mm` is the schema's to report (« Indiquez une date… »).
 */
export function parisLocalTimeProblem(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return "Indiquez une date et une heure.";
  const instant = parisDateTime(local);
  if (toParisLocal(instant) !== local) return PARIS_MISSING_TIME;
  const repeated = [instant.getTime() - HOUR, instant.getTime() + HOUR].some((other) => toParisLocal(new Date(other)) === local);
  return repeated ? PARIS_REPEATED_TIME : null;
}

/**
 * Whether `YYYY-MM-DDTHH:mm` names one instant in Paris: a real day, not in the hour skipped when
 * summer time starts nor in the hour repeated when it ends (`parisLocalTimeProblem` says why not).
 */
export function isParisLocalTime(local: string): boolean {
  return parisLocalTimeProblem(local) === null;
}

const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

function longDate({ year, month, day }: Pick<WallClock, "year" | "month" | "day">): string {
  const dayOfMonth = Number(day);
  return `${dayOfMonth === 1 ? "1er" : dayOfMonth} ${MONTHS[Number(month) - 1]} ${year}`;
}

/** « 1er janvier 2026 », « 13 février 2026 » */
export function formatParisDate(instant: Date): string {
  return longDate(parisWallClock(instant));
}

const timeOf = (clock: WallClock) => formatTimeOfDay({ hour: Number(clock.hour), minute: Number(clock.minute) });
const timeToTheSecondOf = (clock: WallClock) =>
  formatTimeOfDay({ hour: Number(clock.hour), minute: Number(clock.minute), second: Number(clock.second) });

/** « 13 février 2026 à 23 h 59 » */
export function formatParisDateTime(instant: Date): string {
  const clock = parisWallClock(instant);
  return `${longDate(clock)} à ${timeOf(clock)}`;
}

/**
 * « 13 février 2026 à 23 h 58 min 12 s »: where the second matters (for a deadline shown
 * « à 23 h 59 », a deposit at 23:59:59 is on time, one at 00:00:00 is not: `isPastClosing` in
 * lib/campaigns/deadline.ts; so the receipt shows seconds).
 */
export function formatParisDateTimeToTheSecond(instant: Date): string {
  const clock = parisWallClock(instant);
  return `${longDate(clock)} à ${timeToTheSecondOf(clock)}`;
}

/**
 * « 13/02/2026 23:59 », for a spreadsheet's cells (lib/export) and nothing else: data, not prose.
 * A French spreadsheet reads « 13/02/2026 23:59 » as a date and time it can sort and compute on;
 * « 23 h 59 » would be text to it. Pages write the long form, notices of a draft kept in the
 * browser or of a concurrent change too: QA found one numeric date among long ones in the same
 * journey.
 */
export function formatParisNumericDateTime(instant: Date): string {
  const { year, month, day, hour, minute } = parisWallClock(instant);
  return `${day}/${month}/${year} ${hour}:${minute}`;
}

/** « 23 h 58 min 12 s » */
export function formatParisTime(instant: Date): string {
  return timeToTheSecondOf(parisWallClock(instant));
}

function calendarParts(text: string): Pick<WallClock, "year" | "month" | "day"> {
  const [year = "", month = "", day = ""] = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)?.slice(1) ?? [];
  // Date.UTC rolls 30 February over to March: a real day reads back unchanged.
  const real = year !== "" && new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))).toISOString().slice(0, 10) === text;
  if (!real) throw new RangeError(`Not a calendar date: ${text}`);
  return { year, month, day };
}

/** `2026-02-01` → « 1er février 2026 » */
export function formatCalendarDate(day: string): string {
  return longDate(calendarParts(day));
}

/** `2026-02-01` → « 01/02/2026 » */
export function formatNumericCalendarDate(day: string): string {
  const { year, month, day: dayOfMonth } = calendarParts(day);
  return `${dayOfMonth}/${month}/${year}`;
}
