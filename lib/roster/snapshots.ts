/**
 * The history of an establishment's indicators (`IndicatorSnapshot`): the rollout curve, and the
 * figures frozen in a dossier at submission.
 *
 * Compact by design: at most one DAILY / CHANGE snapshot per establishment and Paris day (a later
 * one replaces that day's figures, so a bulk import of 10,000 lines leaves one point, not 10,000);
 * SUBMISSION and DECLARATION snapshots are never replaced, since a receipt or a declaration quotes them.
 *
 * Public API: `SnapshotReason`, `RecordedSnapshot`, `recordIndicatorSnapshot`,
 * `storeIndicatorSnapshot`, `submissionSnapshotInsert`, `recordDailySnapshots`, `listIndicatorSnapshots`,
 * `listAllIndicatorSnapshots`, `RolloutReading`, and from
 * `snapshot-breakdown.ts` `SnapshotBreakdown`, `indicatorsFromSnapshot`.
 */
import { lockUntilCommit } from "@/lib/db/advisory-lock";
import { db as appDb, type Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { parisDateTime } from "@/lib/time/paris";
import { dayToIsoDate, parisToday, toDay } from "./dates";
import {
  computeIndicatorsForEstablishments,
  computeRosterIndicatorsGivingWay,
  loadEstablishmentRoster,
  snapshotCounts,
  type RosterClient,
  type SnapshotCounts,
} from "./establishment-indicators";
import type { EstablishmentIndicators } from "./indicators";
import { type RolloutPeriod, rolloutPeriodStart } from "./rollout-periods";
import { breakdownOf } from "./snapshot-breakdown";

export { indicatorsFromSnapshot, type SnapshotBreakdown } from "./snapshot-breakdown";

export type SnapshotReason = "DAILY" | "CHANGE" | "SUBMISSION" | "DECLARATION";

export type RecordedSnapshot = SnapshotCounts & { id: string; takenAt: Date };

/** The instants the Paris day of `now` starts and ends (23 or 25 hours on clock-change days). */
function parisDayBounds(now: Date): { start: Date; end: Date } {
  const day = toDay(parisToday(now));
  return { start: parisDateTime(`${dayToIsoDate(day)}T00:00`), end: parisDateTime(`${dayToIsoDate(day + 1)}T00:00`) };
}

const SELECT_RECORDED = {
  id: true,
  takenAt: true,
  active: true,
  registered: true,
  substantialId: true,
  rieCompliant: true,
  dmpReady: true,
} as const;

/**
 * The roster's figures frozen at a submission, as an INSERT for the submission's own statement: it
 * selects the dossier's id from the `moved` row of the dossier's move (`transitionCtes` in
 * lib/applications/write-transition.ts), so the snapshot is written only with the move. Never replaced.
 */
export function submissionSnapshotInsert(establishmentId: string, indicators: EstablishmentIndicators, takenAt: Date): Prisma.Sql {
  const counts = snapshotCounts(indicators);
  return Prisma.sql`INSERT INTO "IndicatorSnapshot" ("id", "establishmentId", "applicationId", "takenAt", "reason", "active", "registered", "substantialId", "rieCompliant", "dmpReady", "breakdown")
    SELECT gen_random_uuid(), ${establishmentId}::uuid, moved."id", ${takenAt}, 'SUBMISSION', ${counts.active}, ${counts.registered}, ${counts.substantialId},
           ${counts.rieCompliant}, ${counts.dmpReady}, ${JSON.stringify(breakdownOf(indicators))}::jsonb
    FROM moved`;
}

/**
 * Stores figures already computed (the submission computes them before rendering the receipt, and
 * must store those very figures). DAILY and CHANGE replace that Paris day's DAILY / CHANGE
 * snapshot: record those with `recordIndicatorSnapshot`, which holds the establishment's lock,
 * or two writers of the same day could both insert.
 */
export async function storeIndicatorSnapshot(
  client: RosterClient,
  establishmentId: string,
  reason: SnapshotReason,
  indicators: EstablishmentIndicators,
  options: { applicationId?: string; takenAt?: Date } = {},
): Promise<RecordedSnapshot> {
  const takenAt = options.takenAt ?? new Date();
  const data = { ...snapshotCounts(indicators), reason, takenAt, breakdown: breakdownOf(indicators) as unknown as Prisma.InputJsonObject };
  if (reason === "DAILY" || reason === "CHANGE") {
    const { start, end } = parisDayBounds(takenAt);
    const sameDay = await client.indicatorSnapshot.findFirst({
      where: { establishmentId, reason: { in: ["DAILY", "CHANGE"] }, takenAt: { gte: start, lt: end } },
      orderBy: { takenAt: "desc" },
      select: { id: true },
    });
    if (sameDay) return client.indicatorSnapshot.update({ where: { id: sameDay.id }, data, select: SELECT_RECORDED });
  }
  return client.indicatorSnapshot.create({
    data: { ...data, establishmentId, applicationId: options.applicationId ?? null },
    select: SELECT_RECORDED,
  });
}

/**
 * Serializes the roster writers of one establishment until the end of the transaction: each ends
 * with its snapshot, and a professional added from the form is checked against the others under it.
 */
export async function lockEstablishmentRoster(tx: RosterClient, establishmentId: string): Promise<void> {
  await lockUntilCommit(tx, `indicator-snapshot:${establishmentId}`);
}

/**
 * Computes the establishment's indicators today (Paris) and keeps them. Called with a transaction
 * client after each roster write, it sees that transaction's uncommitted rows; with the app's
 * client it opens its own transaction.
 */
export async function recordIndicatorSnapshot(
  client: RosterClient,
  establishmentId: string,
  reason: SnapshotReason,
  options: { applicationId?: string; now?: Date } = {},
): Promise<RecordedSnapshot> {
  const now = options.now ?? new Date();
  const record = async (tx: RosterClient) => {
    await lockEstablishmentRoster(tx, establishmentId);
    const roster = await loadEstablishmentRoster(tx, establishmentId);
    if (roster === null) throw new AppError("NOT_FOUND");
    const indicators = await computeRosterIndicatorsGivingWay(roster, parisToday(now));
    return storeIndicatorSnapshot(tx, establishmentId, reason, indicators, { applicationId: options.applicationId, takenAt: now });
  };
  // A transaction client has no `$connect` (Prisma strips it); the app's client has, and is then
  // given a transaction of its own so that the lock, the read and the write go together.
  const isRootClient = typeof (client as { $connect?: unknown }).$connect === "function";
  return isRootClient ? (client as Db).$transaction(record) : record(client);
}

/**
 * The once-a-day pass of the background worker: a DAILY snapshot for every establishment that has
 * professionals and no DAILY / CHANGE snapshot yet this Paris day, computed batch by batch.
 * Each insert re-checks that no snapshot of the day appeared meanwhile (a roster write's CHANGE).
 * Returns how many snapshots it wrote.
 */
export async function recordDailySnapshots(now = new Date(), client: RosterClient = appDb): Promise<number> {
  const { start, end } = parisDayBounds(now);
  const due = await client.$queryRaw<{ id: string }[]>`
    SELECT e.id FROM "Establishment" e
    WHERE EXISTS (SELECT 1 FROM "Professional" p WHERE p."establishmentId" = e.id)
      AND NOT EXISTS (SELECT 1 FROM "IndicatorSnapshot" s
                      WHERE s."establishmentId" = e.id AND s.reason IN ('DAILY', 'CHANGE') AND s."takenAt" >= ${start} AND s."takenAt" < ${end})
    ORDER BY e.id`;
  let written = 0;
  await computeIndicatorsForEstablishments(
    client,
    due.map((row) => row.id),
    parisToday(now),
    async (establishmentId, indicators) => {
      const counts = snapshotCounts(indicators);
      written += await client.$executeRaw`
        INSERT INTO "IndicatorSnapshot" (id, "establishmentId", "takenAt", reason, active, registered, "substantialId", "rieCompliant", "dmpReady", breakdown)
        SELECT gen_random_uuid(), ${establishmentId}::uuid, ${now}, 'DAILY', ${counts.active}, ${counts.registered}, ${counts.substantialId},
               ${counts.rieCompliant}, ${counts.dmpReady}, ${JSON.stringify(breakdownOf(indicators))}::jsonb
        WHERE NOT EXISTS (SELECT 1 FROM "IndicatorSnapshot" s
                          WHERE s."establishmentId" = ${establishmentId}::uuid AND s.reason IN ('DAILY', 'CHANGE') AND s."takenAt" >= ${start} AND s."takenAt" < ${end})`;
    },
  );
  return written;
}

export type RolloutReading = SnapshotCounts & { id: string; takenAt: Date; reason: SnapshotReason };

/**
 * The rollout curve over `period`, oldest first: of each Paris day, week or month (the period's
 * step), the last reading, whatever its occasion; the latest reading is always the last point.
 */
export function listIndicatorSnapshots(client: RosterClient, establishmentId: string, options: { period: RolloutPeriod; now?: Date }) {
  const since = rolloutPeriodStart(options.period, options.now ?? new Date());
  return client.$queryRaw<RolloutReading[]>`
    SELECT DISTINCT ON (bucket) id, "takenAt", reason::text AS reason, active, registered, "substantialId", "rieCompliant", "dmpReady"
    FROM (SELECT s.*, date_trunc(${options.period.step}, (s."takenAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Paris') AS bucket
          FROM "IndicatorSnapshot" s
          WHERE s."establishmentId" = ${establishmentId}::uuid AND s."takenAt" >= ${since}) readings
    ORDER BY bucket, "takenAt" DESC`;
}

/** Every reading of the establishment, oldest first (the history's download). */
export function listAllIndicatorSnapshots(client: RosterClient, establishmentId: string): Promise<RolloutReading[]> {
  return client.indicatorSnapshot.findMany({
    where: { establishmentId },
    orderBy: [{ takenAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      takenAt: true,
      reason: true,
      active: true,
      registered: true,
      substantialId: true,
      rieCompliant: true,
      dmpReady: true,
    },
  });
}
