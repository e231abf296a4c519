import { PARIS } from "@/lib/time/paris";

/**
 * Times on the receipt, in Paris time:
 * - `formatReceiptTime(instant)` → « 13 février 2026 à 23:58:12 », to the second: a deposit at
 *   23:59:59 is on time and one at 00:00:00 is not, so the receipt shows seconds, which
 *   lib/time's formatters leave out;
 * - `formatReceiptDate(instant)` → « 13 février 2026 ».
 * The first of the month is written « 1er », as French official documents do.
 */
const format = new Intl.DateTimeFormat("fr-FR", {
  timeZone: PARIS,
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

function partsOf(instant: Date) {
  const parts = format.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? "";
  const day = part("day");
  return {
    date: `${day === "1" ? "1er" : day} ${part("month")} ${part("year")}`,
    time: `${part("hour")}:${part("minute")}:${part("second")}`,
  };
}

export function formatReceiptTime(instant: Date): string {
  const { date, time } = partsOf(instant);
  return `${date} à ${time}`;
}

export function formatReceiptDate(instant: Date): string {
  return partsOf(instant).date;
}
