import type { Db } from "@/lib/db/client";
import { dayToDate, dayToIsoDate, parisToday, toDay } from "@/lib/roster/dates";
import { computeRosterIndicators, loadRosters } from "@/lib/roster/establishment-indicators";
import { storeIndicatorSnapshot } from "@/lib/roster/snapshots";

const MONTHS = 18;

/** The first day of each of the last `MONTHS` months, oldest first, then today. */
function historyDays(today: string): string[] {
  const now = dayToDate(toDay(today));
  const days: string[] = [];
  for (let back = MONTHS; back >= 1; back--) {
    days.push(dayToIsoDate(toDay(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back + 1, 1)))));
  }
  return [...days, today];
}

/**
 * A rollout curve for every demo establishment: its indicators on the first day of each past month,
 * computed by the rules module from the roster's own dates (enrolments, expiries, activity), as the
 * daily snapshots would have recorded them.
 */
export async function seedIndicatorHistory(db: Db, establishmentIds: readonly string[], now: Date): Promise<void> {
  const days = historyDays(parisToday(now));
  const rosters = await loadRosters(db, establishmentIds);
  for (const roster of rosters.values()) {
    for (const day of days) {
      // Noon UTC is the same Paris day whatever the season.
      const takenAt = day === days.at(-1) ? now : new Date(`${day}T12:00:00Z`);
      await storeIndicatorSnapshot(db, roster.establishmentId, "DAILY", computeRosterIndicators(roster, day), { takenAt });
    }
  }
}
