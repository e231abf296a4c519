import { TZDate } from "@date-fns/tz";

/** Programme dates are announced, shown and enforced in Paris time. */
export const PARIS = "Europe/Paris";

/** The instant of a Paris wall-clock date-time written `YYYY-MM-DDTHH:mm[:ss]`. */
export function parisDateTime(local: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!match) throw new Error(`Not a local date-time: ${local}`);
  const [, year, month, day, hour, minute, second = "0"] = match;
  return new Date(
    new TZDate(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), PARIS).getTime(),
  );
}

const dateTimeFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: PARIS,
  dateStyle: "long",
  timeStyle: "short",
});
const dateFormat = new Intl.DateTimeFormat("fr-FR", { timeZone: PARIS, dateStyle: "long" });

/** « 13 février 2026 à 23:59 » */
export function formatParisDateTime(instant: Date): string {
  return dateTimeFormat.format(instant);
}

/** « 13 février 2026 » */
export function formatParisDate(instant: Date): string {
  return dateFormat.format(instant);
}

const localParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: PARIS,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The Paris wall-clock time of an instant as `YYYY-MM-DDTHH:mm`, the value of `<input type="datetime-local">`. */
export function toParisLocal(instant: Date): string {
  const parts = Object.fromEntries(localParts.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/**
 * Whether `YYYY-MM-DDTHH:mm` is a time Paris clocks show: not a typo (31 April) and not in the hour
 * skipped when summer time starts (the last Sunday of March, 02:00 to 03:00).
 */
export function isParisLocalTime(local: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return false;
  return toParisLocal(parisDateTime(local)) === local;
}
