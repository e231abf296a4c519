import pg from "pg";
import type { Db } from "@/lib/db/client";
import { ZDecisionBoardFilters } from "@/lib/decisions/board-rows";
import { getDecisionBoard } from "@/lib/decisions/get-decision-board";
import { BENCH_MANAGER } from "../manager";
import { measure, type ScenarioResult } from "../harness";
import { generateWave } from "../national-dataset";
import { generateIndicatorDataset } from "./indicators";

/** generateWave draws 3 dossiers in 10 among the board's states (scored, selected, rejected). */
const BOARD_SHARE = 0.3;

/**
 * A grid of six criteria on the wave's version, and a score on each for every submitted review
 * (with a comment one time in four, « Sans objet » for some on the optional criterion), as
 * reviewers leave them.
 */
async function scoreWave(db: Db, waveId: string): Promise<void> {
  await db.$executeRawUnsafe(
    `
    INSERT INTO "Criterion" (id, "waveVersionId", code, label, description, weight, "scaleMin", "scaleMax", required, position)
    SELECT gen_random_uuid(), v.id, 'C' || i, 'Critère ' || i, '', (ARRAY[30, 20, 20, 10, 10, 10])[i], 0, (ARRAY[5, 5, 10, 4, 4, 3])[i], i < 6, i
    FROM "WaveVersion" v CROSS JOIN generate_series(1, 6) AS i WHERE v."waveId" = $1::uuid`,
    waveId,
  );
  await db.$executeRawUnsafe(
    `
    INSERT INTO "Score" (id, "reviewId", "criterionId", value, "notApplicable", comment)
    SELECT gen_random_uuid(), r.id, c.id,
           CASE WHEN NOT c.required AND random() < 0.2 THEN NULL ELSE floor(random() * (c."scaleMax" + 1))::int END,
           FALSE, CASE WHEN random() < 0.25 THEN 'Appréciation du critère ' || c.code || ' : argumentée, à vérifier au comité.' ELSE '' END
    FROM "Review" r
    JOIN "ReviewerAssignment" ra ON ra.id = r."assignmentId"
    JOIN "Application" a ON a.id = ra."applicationId"
    JOIN "Criterion" c ON c."waveVersionId" = a."waveVersionId"
    WHERE a."waveId" = $1::uuid AND r.status = 'SUBMITTED'`,
    waveId,
  );
  await db.$executeRawUnsafe(`UPDATE "Score" SET "notApplicable" = TRUE WHERE value IS NULL`);
  await db.$executeRawUnsafe(`ANALYZE "Criterion", "Score", "Review", "ReviewerAssignment", "Application", "Decision", "BudgetLine"`);
}

/**
 * The board written by hand in SQL, read straight through `pg`: each counted review's weighted
 * total, normalised within its reviewer by window functions, averaged per dossier on the national
 * tier (the wave ranks on it), spread, requested amount, live decision; every row, ranked, as the
 * app builds them before filtering and paging.
 */
async function baselineBoard(pool: pg.Pool, waveId: string): Promise<number> {
  const { rowCount } = await pool.query(
    `
    WITH totals AS (
      SELECT ra."applicationId", ra."reviewerId", ra.tier,
             100.0 * sum(c.weight * (s.value - c."scaleMin")::numeric / (c."scaleMax" - c."scaleMin")) / nullif(sum(c.weight), 0) AS total
      FROM "Review" r
      JOIN "ReviewerAssignment" ra ON ra.id = r."assignmentId"
      JOIN "Application" a ON a.id = ra."applicationId"
      JOIN "Score" s ON s."reviewId" = r.id AND s.value IS NOT NULL AND NOT s."notApplicable"
      JOIN "Criterion" c ON c.id = s."criterionId"
      WHERE a."waveId" = $1::uuid AND r.status = 'SUBMITTED'
        AND NOT EXISTS (SELECT 1 FROM "ConflictDeclaration" cd WHERE cd."assignmentId" = ra.id AND cd."hasConflict")
      GROUP BY r.id, ra."applicationId", ra."reviewerId", ra.tier
    ), normalised AS (
      SELECT *, avg(total) OVER () + coalesce((total - avg(total) OVER reviewer) / nullif(stddev_pop(total) OVER reviewer, 0), 0) * stddev_pop(total) OVER () AS norm
      FROM totals WINDOW reviewer AS (PARTITION BY "reviewerId")
    ), aggregates AS (
      SELECT "applicationId", avg(total) FILTER (WHERE tier = 'NATIONAL') AS raw, avg(norm) FILTER (WHERE tier = 'NATIONAL') AS normalised,
             stddev_pop(total) AS deviation, max(total) - min(total) AS range,
             count(*) FILTER (WHERE tier = 'REGIONAL') AS regional, count(*) FILTER (WHERE tier = 'NATIONAL') AS national
      FROM normalised GROUP BY "applicationId"
    )
    SELECT a.id, e.name, e."regionCode", k.label, g.raw, g.normalised, g.deviation, g.range, g.regional, g.national,
           (SELECT sum(b."amountCents") FROM "BudgetLine" b WHERE b."applicationId" = a.id) AS requested,
           d.outcome, d."amountGrantedCents", d."releasedAt"
    FROM "Application" a
    JOIN "Establishment" e ON e.id = a."establishmentId"
    JOIN "EstablishmentCategory" k ON k.code = e."categoryCode"
    LEFT JOIN aggregates g ON g."applicationId" = a.id
    LEFT JOIN LATERAL (SELECT outcome, "amountGrantedCents", "releasedAt" FROM "Decision" d
                       WHERE d."applicationId" = a.id AND d."supersededAt" IS NULL ORDER BY d."stagedAt" DESC LIMIT 1) d ON TRUE
    WHERE a."waveId" = $1::uuid AND a.state IN ('SCORED', 'SELECTED', 'REJECTED')
    ORDER BY g.normalised DESC NULLS LAST, a.id`,
    [waveId],
  );
  return rowCount ?? 0;
}

/**
 * The decisions board of a national wave with `dossiers` scored dossiers (four reviewers each, two
 * per tier, six criteria): p95 of its first page over `runs` runs beside the hand-written SQL.
 */
export async function decisionBoard(db: Db, url: string, dossiers: number, runs: number): Promise<ScenarioResult & { ceilingMs: number }> {
  const started = Date.now();
  const drawn = Math.ceil(dossiers / BOARD_SHARE);
  await generateIndicatorDataset(db, drawn, drawn);
  const waveId = await generateWave(db, drawn, new Date());
  await scoreWave(db, waveId);
  const filters = ZDecisionBoardFilters.parse({});
  const board = await getDecisionBoard(BENCH_MANAGER, waveId, filters);
  const scores = await db.score.count();
  console.log(
    `decision board data set: ${board.total.toLocaleString("en-US")} dossiers on the board, ${scores.toLocaleString("en-US")} scores, ` +
      `generated in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const rows = await baselineBoard(pool, waveId);
    if (rows !== board.total)
      throw new Error(`The SQL board has ${rows} rows, the app's ${board.total}: they do not read the same dossiers.`);
    return {
      scenario: `decision board, ${board.total.toLocaleString("en-US")} dossiers`,
      candidate: await measure("app", runs, () => getDecisionBoard(BENCH_MANAGER, waveId, filters)),
      baseline: await measure("SQL", runs, () => baselineBoard(pool, waveId)),
      target: 2,
      ceilingMs: 300,
    };
  } finally {
    await pool.end();
  }
}
