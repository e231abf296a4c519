/**
 * Paris calendar months, the rollout curve's time step: `YYYY-MM`, and the instant each starts.
 *
 * Public API: `Month`, `parisMonthOf`, `addMonths`, `monthStart`, `monthsBetween`, `formatMonthFr`.
 */
import { parisDateTime } from "@/lib/time/paris";
import { parisToday } from "@/lib/roster/dates";

export type Month = `${number}-${string}`;

export function parisMonthOf(instant: Date): Month {
  return parisToday(instant).slice(0, 7) as Month;
}

export function addMonths(month: Month, count: number): Month {
  const [year, index] = month.split("-").map(Number) as [number, number];
  const total = year * 12 + (index - 1) + count;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}` as Month;
}

/** The instant the month starts in Paris (midnight on its first day). */
export function monthStart(month: Month): Date {
  return parisDateTime(`${month}-01T00:00`);
}

/** Every month from `first` to `last`, both included. */
export function monthsBetween(first: Month, last: Month): Month[] {
  const months: Month[] = [];
  for (let month = first; month <= last; month = addMonths(month, 1)) months.push(month);
  return months;
}

const monthFormat = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });

/** « novembre 2026 » */
export function formatMonthFr(month: Month): string {
  return monthFormat.format(new Date(`${month}-01T12:00:00Z`));
}
