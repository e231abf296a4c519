import joursFeries from "@socialgouv/jours-feries";
import { TZDate } from "@date-fns/tz";
import { PARIS } from "./paris";

/**
 * Working days in France: Monday to Friday, public holidays excepted (national ones, from the
 * social ministries' library; Alsace-Moselle's two extra days are not counted). Days are Paris
 * calendar days written `YYYY-MM-DD`.
 */
const holidaysByYear = new Map<number, Set<string>>();

function holidays(year: number): Set<string> {
  let days = holidaysByYear.get(year);
  if (!days) {
    // The library builds local midnights: read them back in the process's own time zone.
    const pad = (value: number) => String(value).padStart(2, "0");
    days = new Set(
      Object.values(joursFeries(year)).map((date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`),
    );
    holidaysByYear.set(year, days);
  }
  return days;
}

/** The Paris calendar day of an instant, `YYYY-MM-DD`. */
export function parisDay(instant: Date): string {
  const local = new TZDate(instant.getTime(), PARIS);
  return `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, "0")}-${String(local.getDate()).padStart(2, "0")}`;
}

export function isWorkingDay(day: string): boolean {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, date)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays(year).has(day);
}
