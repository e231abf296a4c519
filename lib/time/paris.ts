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
