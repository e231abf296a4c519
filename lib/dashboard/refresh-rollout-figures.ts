/**
 * Keeps `RolloutFigure` (the pre-aggregated rollout curve) in step with the indicator snapshots:
 * for each month of the range, each establishment's latest snapshot by the month's end (or by now,
 * for the current month) is summed per region and category. The counts themselves come from the
 * snapshots, which the rules module computed (`lib/roster/snapshots.ts`): nothing is re-derived here.
 *
 * A snapshot is never written in the past, so a month once over stays as it is: the job refreshes
 * the current and the previous month (the latter for the run that crosses a month's end);
 * `rebuildRolloutFigures` recomputes everything (after a data load: demo data, bench).
 *
 * One statement whatever the number of establishments: the snapshots of the range are reduced to
 * one per establishment and month (the last), each held until that establishment's next one, and
 * summed per month; the state before the range is carried in from each establishment's last
 * snapshot before it.
 *
 * Public API: `refreshRolloutFigures`, `rebuildRolloutFigures`.
 */
import { db as appDb } from "@/lib/db/client";
import type { RosterClient } from "@/lib/roster/establishment-indicators";
import { addMonths, type Month, monthStart, parisMonthOf } from "./months";

const LOCAL_MONTH = `date_trunc('month', (s."takenAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Paris')::date`;

async function writeRange(client: RosterClient, first: Month, last: Month, now: Date): Promise<number> {
  const from = monthStart(first);
  const until = monthStart(addMonths(last, 1));
  const firstDay = `${first}-01`;
  const lastDay = `${last}-01`;
  await client.$executeRaw`DELETE FROM "RolloutFigure" WHERE month BETWEEN ${firstDay}::date AND ${lastDay}::date`;
  return client.$executeRawUnsafe(
    `
    INSERT INTO "RolloutFigure" (month, "regionCode", "categoryCode", establishments, active, registered, "substantialId", "rieCompliant", "dmpReady", "computedAt")
    WITH carried AS (
      SELECT DISTINCT ON (s."establishmentId") s."establishmentId" AS id, $1::date AS m,
             s.active, s.registered, s."substantialId", s."rieCompliant", s."dmpReady"
      FROM "IndicatorSnapshot" s WHERE s."takenAt" < $3
      ORDER BY s."establishmentId", s."takenAt" DESC
    ), in_range AS (
      SELECT DISTINCT ON (s."establishmentId", ${LOCAL_MONTH}) s."establishmentId" AS id, ${LOCAL_MONTH} AS m,
             s.active, s.registered, s."substantialId", s."rieCompliant", s."dmpReady"
      FROM "IndicatorSnapshot" s WHERE s."takenAt" >= $3 AND s."takenAt" < $4
      ORDER BY s."establishmentId", ${LOCAL_MONTH}, s."takenAt" DESC
    ), latest AS (
      SELECT * FROM carried c WHERE NOT EXISTS (SELECT 1 FROM in_range r WHERE r.id = c.id AND r.m = c.m)
      UNION ALL SELECT * FROM in_range
    ), spans AS (
      SELECT latest.*, lead(m) OVER (PARTITION BY id ORDER BY m) AS next FROM latest
    )
    SELECT months.month, e."regionCode", e."categoryCode", count(*)::int, sum(spans.active)::int, sum(spans.registered)::int,
           sum(spans."substantialId")::int, sum(spans."rieCompliant")::int, sum(spans."dmpReady")::int, $5
    FROM generate_series($1::date, $2::date, interval '1 month') AS months(month)
    JOIN spans ON spans.m <= months.month AND (spans.next IS NULL OR spans.next > months.month)
    JOIN "Establishment" e ON e.id = spans.id
    GROUP BY months.month, e."regionCode", e."categoryCode"`,
    firstDay,
    lastDay,
    from,
    until,
    now,
  );
}

/** The job's pass: the current month and the previous one. Returns the rows written. */
export async function refreshRolloutFigures(now = new Date(), client: RosterClient = appDb): Promise<number> {
  const current = parisMonthOf(now);
  return inTransaction(client, (tx) => writeRange(tx, addMonths(current, -1), current, now));
}

/** Every month from the first snapshot's to the current one. */
export async function rebuildRolloutFigures(now = new Date(), client: RosterClient = appDb): Promise<number> {
  const [first] = await client.$queryRaw<{ at: Date | null }[]>`SELECT min("takenAt") AS at FROM "IndicatorSnapshot"`;
  const current = parisMonthOf(now);
  return inTransaction(client, (tx) => writeRange(tx, first?.at ? parisMonthOf(first.at) : current, current, now));
}

function inTransaction<T>(client: RosterClient, work: (tx: RosterClient) => Promise<T>): Promise<T> {
  const isRootClient = typeof (client as { $transaction?: unknown }).$transaction === "function";
  return isRootClient ? (client as typeof appDb).$transaction((tx) => work(tx), { timeout: 10 * 60_000 }) : work(client);
}
