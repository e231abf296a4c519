import { loadavg } from "node:os";
import pg from "pg";
import { listDossiers, ZDossierFilters } from "@/lib/applications/list-dossiers";
import type { Db } from "@/lib/db/client";
import { ZDashboardFilters } from "@/lib/dashboard/filters";
import { searchWords } from "@/lib/db/search-fold";
import { loadProgrammeDashboard } from "@/lib/dashboard/get-programme-dashboard";
import { parisToday } from "@/lib/roster/dates";
import { computeIndicatorsForEstablishments, snapshotCounts } from "@/lib/roster/establishment-indicators";
import type { KeptDatabase } from "../kept-database";
import { generateNationalDataset } from "../national-dataset";
import { BENCH_MANAGER } from "../manager";
import { measure, type ScenarioResult } from "../harness";

type Result = ScenarioResult & { ceilingMs: number };

/**
 * The dashboard's figures written by hand in SQL, read straight through `pg` (no Prisma, no rules
 * in TypeScript): what a developer would write for the same page, the follow-up funnel's groups
 * included. Overdue reviews are decided in SQL here; the app lets `lib/review/due-dates.ts` decide
 * per group.
 */
function baselineDashboard(pool: pg.Pool, filters: { wave?: string; region?: string; sector?: string; category?: string }) {
  const where = (region: string, category: string) =>
    [
      filters.region ? `${region} = '${filters.region}'` : "TRUE",
      filters.category ? `${category} = '${filters.category}'` : "TRUE",
      filters.sector ? `${category} IN (SELECT code FROM "EstablishmentCategory" WHERE sector = '${filters.sector}')` : "TRUE",
    ].join(" AND ");
  const wave = filters.wave ? `a."waveId" = '${filters.wave}'` : "TRUE";
  const scope = where(`e."regionCode"`, `e."categoryCode"`);
  const rollout = `FROM "RolloutFigure" f WHERE ${where(`f."regionCode"`, `f."categoryCode"`)}`;
  const sums = `sum(establishments), sum(active), sum(registered), sum("substantialId"), sum("rieCompliant"), sum("dmpReady")`;
  return Promise.all([
    pool.query(`SELECT id, title FROM "Wave" ORDER BY "opensAt" DESC`),
    pool.query(`SELECT code, label, sector FROM "EstablishmentCategory" ORDER BY sector, label`),
    pool.query(
      `SELECT a.state, e."regionCode", e."categoryCode", count(*) FROM "Application" a JOIN "Establishment" e ON e.id = a."establishmentId" WHERE ${wave} AND ${scope} GROUP BY 1, 2, 3`,
    ),
    pool.query(`SELECT e."regionCode", count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "Application" a WHERE a."establishmentId" = e.id AND ${wave}))
                FROM "Establishment" e WHERE e."categoryCode" IN (SELECT "categoryCode" FROM "WaveEligibleCategory" ${filters.wave ? `WHERE "waveId" = '${filters.wave}'` : ""}) AND ${scope} GROUP BY 1`),
    pool.query(`SELECT month, ${sums} ${rollout} GROUP BY month ORDER BY month`),
    pool.query(`SELECT "regionCode", ${sums} ${rollout} AND month = (SELECT max(month) FROM "RolloutFigure") GROUP BY 1`),
    pool.query(`SELECT "categoryCode", ${sums} ${rollout} AND month = (SELECT max(month) FROM "RolloutFigure") GROUP BY 1`),
    pool.query(`SELECT max("computedAt") FROM "RolloutFigure" WHERE month = (SELECT max(month) FROM "RolloutFigure")`),
    pool.query(`SELECT ra.tier, count(*) FILTER (WHERE d."hasConflict" IS NOT TRUE AND (r.status = 'SUBMITTED' OR a.state IN ('SUBMITTED', 'UNDER_REVIEW', 'INFORMATION_REQUESTED'))),
                       count(*) FILTER (WHERE r.status = 'SUBMITTED' AND d."hasConflict" IS NOT TRUE),
                       count(*) FILTER (WHERE d."hasConflict" IS NOT TRUE AND r.status IS DISTINCT FROM 'SUBMITTED' AND a.state = 'UNDER_REVIEW'
                                        AND now() >= coalesce(ra."dueAt", CASE ra.tier WHEN 'REGIONAL' THEN w."regionalReviewDueAt" ELSE w."nationalReviewDueAt" END)),
                       count(*) FILTER (WHERE d."hasConflict")
                FROM "ReviewerAssignment" ra JOIN "Application" a ON a.id = ra."applicationId" JOIN "Wave" w ON w.id = a."waveId" JOIN "Establishment" e ON e.id = a."establishmentId"
                LEFT JOIN "Review" r ON r."assignmentId" = ra.id LEFT JOIN "ConflictDeclaration" d ON d."assignmentId" = ra.id WHERE ${wave} AND ${scope} GROUP BY 1`),
    pool.query(`SELECT w.id, w.title, w."fundingEnvelopeCents",
                       (SELECT sum(b."amountCents") FROM "BudgetLine" b JOIN "Application" a ON a.id = b."applicationId" WHERE a."waveId" = w.id AND a.state NOT IN ('DRAFT', 'WITHDRAWN')),
                       (SELECT sum(d."amountGrantedCents") FROM "Decision" d WHERE d."waveId" = w.id AND d.outcome = 'SELECTED' AND d."releasedAt" IS NOT NULL AND d."supersededAt" IS NULL)
                FROM "Wave" w WHERE ${filters.wave ? `w.id = '${filters.wave}'` : "TRUE"} ORDER BY w."opensAt" DESC`),
    pool.query(`SELECT v.state, t.status, count(*)
                FROM "Application" a JOIN "Establishment" e ON e.id = a."establishmentId"
                LEFT JOIN LATERAL (SELECT id FROM "ResultDeclaration" d WHERE d."applicationId" = a.id ORDER BY d."declaredAt" DESC LIMIT 1) d ON TRUE
                LEFT JOIN "ResultVerification" v ON v."declarationId" = d.id LEFT JOIN "Tranche" t ON t."applicationId" = a.id AND t.kind = 'BALANCE'
                WHERE a.state = 'SELECTED' AND ${wave} AND ${scope} GROUP BY 1, 2`),
  ]);
}

/** The dossier list's page and its count, by hand: the same filters, order and columns as `listDossiers`. */
function baselineDossierPage(
  pool: pg.Pool,
  filters: { wave?: string; region?: string; state?: string; search?: string; order: string; page: number },
) {
  const conditions = [
    filters.wave ? `a."waveId" = '${filters.wave}'` : "TRUE",
    filters.state ? `a.state = '${filters.state}'` : "TRUE",
    filters.region ? `e."regionCode" = '${filters.region}'` : "TRUE",
    filters.search
      ? `(${searchWords(filters.search)
          .map((word) => `e."nameSearch" LIKE '%${word}%'`)
          .join(" AND ")} OR e."finessEt" LIKE '${filters.search.toUpperCase()}%')`
      : "TRUE",
  ].join(" AND ");
  const from = `FROM "Application" a JOIN "Establishment" e ON e.id = a."establishmentId" WHERE ${conditions}`;
  return Promise.all([
    pool.query(`SELECT count(*) ${from}`),
    pool.query(`
      SELECT a.id, a.state, e.name, e."finessEt", e."regionCode", c.label, w.title,
             (SELECT max(s."receivedAt") FROM "Submission" s WHERE s."applicationId" = a.id),
             (SELECT sum(b."amountCents") FROM "BudgetLine" b WHERE b."applicationId" = a.id)
      ${from.replace("WHERE", `JOIN "EstablishmentCategory" c ON c.code = e."categoryCode" JOIN "Wave" w ON w.id = a."waveId" WHERE`)}
      ORDER BY ${filters.order}, a.id LIMIT 25 OFFSET ${(filters.page - 1) * 25}`),
    pool.query(`SELECT id, title FROM "Wave" ORDER BY "opensAt" DESC`),
  ]);
}

/**
 * The manager's dashboard and the dossier list at the programme's national size: p95 of each
 * filter set over `runs` runs beside the hand-written SQL (target ≤ 2× and under 300 ms), after
 * checking that today's rollout figures equal the rules module's indicators summed per region.
 */
export async function nationalDashboard(
  db: Db,
  url: string,
  options: NationalSize & { runs: number },
  kept?: KeptDatabase,
): Promise<Result[]> {
  const { runs, ...size } = options;
  const { now, waveId, establishmentIds } = await nationalDataset(db, size, kept);
  await checkAgainstRules(db, establishmentIds, now);
  const loadAverage = () =>
    loadavg()
      .map((value) => value.toFixed(1))
      .join(" / ");
  console.log(`load average (1 / 5 / 15 min) before measuring: ${loadAverage()}`);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const results: Result[] = [];
  try {
    const dashboards = [
      { label: "no filter", query: {}, sql: {} },
      { label: "wave", query: { vague: waveId }, sql: { wave: waveId } },
      { label: "wave + region", query: { vague: waveId, region: "84" }, sql: { wave: waveId, region: "84" } },
      { label: "ESMS", query: { categorie: "ESMS" }, sql: { sector: "MEDICO_SOCIAL" } },
      { label: "wave + category", query: { vague: waveId, categorie: "500" }, sql: { wave: waveId, category: "500" } },
    ];
    for (const { label, query, sql } of dashboards) {
      const filters = ZDashboardFilters.parse(query);
      await loadProgrammeDashboard(db, filters, now);
      await baselineDashboard(pool, sql);
      results.push({
        scenario: `dashboard, ${label}`,
        candidate: await measure("app", runs, () => loadProgrammeDashboard(db, filters, now)),
        baseline: await measure("SQL", runs, () => baselineDashboard(pool, sql)),
        target: 2,
        ceilingMs: 300,
      });
    }
    const lists = [
      {
        label: "wave, recent first, page 1",
        query: { wave: waveId },
        sql: { wave: waveId, order: `a."updatedAt" DESC`, page: 1 },
      },
      {
        label: "wave + region, by establishment, page 2",
        query: { wave: waveId, region: "84", sort: "establishment", page: "2" },
        sql: { wave: waveId, region: "84", order: "e.name", page: 2 },
      },
      {
        label: "submitted, by state, page 20",
        query: { state: "SUBMITTED", sort: "state", page: "20" },
        sql: { state: "SUBMITTED", order: "a.state", page: 20 },
      },
      {
        label: "search by name",
        query: { search: "Établissement 12" },
        sql: { search: "Établissement 12", order: `a."updatedAt" DESC`, page: 1 },
      },
    ];
    for (const { label, query, sql } of lists) {
      const filters = ZDossierFilters.parse(query);
      await listDossiers(BENCH_MANAGER, filters);
      await baselineDossierPage(pool, sql);
      results.push({
        scenario: `dossier list, ${label}`,
        candidate: await measure("app", runs, () => listDossiers(BENCH_MANAGER, filters)),
        baseline: await measure("SQL", runs, () => baselineDossierPage(pool, sql)),
        target: 2,
        ceilingMs: 300,
      });
    }
  } finally {
    await pool.end();
  }
  console.log(`load average (1 / 5 / 15 min) after measuring: ${loadAverage()}`);
  return results;
}

export type NationalSize = { establishments: number; professionals: number; dossiers: number; months: number };
/** What a kept database's note records of the data set it holds. */
type NationalNote = NationalSize & { waveId: string; generatedAt: string };

/**
 * The national data set: generated (and, in a kept database, noted as complete), or read back
 * from a kept database that already holds one of this size. A reused data set is measured at the
 * instant it was generated for, so its figures and the rules module's still describe the same day.
 */
async function nationalDataset(
  db: Db,
  size: NationalSize,
  kept: KeptDatabase | undefined,
): Promise<{ now: Date; waveId: string; establishmentIds: string[] }> {
  if (kept?.note) {
    const note = parseNote(kept.note);
    const differing = (["establishments", "professionals", "dossiers", "months"] as const).filter((key) => note[key] !== size[key]);
    if (differing.length) {
      throw new Error(
        `The kept database holds a national data set of another size (${differing.map((key) => `${key} ${note[key]}`).join(", ")}): drop it or name another database.`,
      );
    }
    console.log(
      `national data set: reused (${size.establishments.toLocaleString("en-US")} establishments, ${size.professionals.toLocaleString("en-US")} professionals, ` +
        `${size.dossiers.toLocaleString("en-US")} dossiers, generated for ${note.generatedAt})`,
    );
    const establishments = await db.establishment.findMany({ select: { id: true } });
    return { now: new Date(note.generatedAt), waveId: note.waveId, establishmentIds: establishments.map((row) => row.id) };
  }
  if (kept && !kept.created) {
    throw new Error(
      "The kept database exists but records no complete national data set (an interrupted generation?): drop it or name another database.",
    );
  }
  const now = new Date();
  const started = Date.now();
  const dataset = await generateNationalDataset(db, { ...size, now });
  console.log(
    `national data set: ${size.establishments.toLocaleString("en-US")} establishments, ${size.professionals.toLocaleString("en-US")} professionals, ` +
      `${size.months + 1} monthly snapshots each, ${size.dossiers.toLocaleString("en-US")} dossiers, generated in ${((Date.now() - started) / 1000).toFixed(0)} s ` +
      `(${Object.entries(dataset.timings)
        .map(([step, seconds]) => `${step} ${seconds.toFixed(1)} s`)
        .join(", ")})`,
  );
  await kept?.writeNote(JSON.stringify({ ...size, waveId: dataset.waveId, generatedAt: now.toISOString() } satisfies NationalNote));
  return { now, waveId: dataset.waveId, establishmentIds: dataset.establishmentIds };
}

function parseNote(note: string): NationalNote {
  try {
    const parsed = JSON.parse(note) as Partial<NationalNote>;
    if (typeof parsed.waveId === "string" && typeof parsed.generatedAt === "string") return parsed as NationalNote;
  } catch {
    // Not ours: reported below.
  }
  throw new Error(`The kept database's comment is not a national data set's note: ${note.slice(0, 80)}`);
}

/** Today's point of the curve, per region, against the rules module run over every roster. */
async function checkAgainstRules(db: Db, establishmentIds: readonly string[], now: Date): Promise<void> {
  const started = Date.now();
  const regionOf = new Map(
    (await db.establishment.findMany({ select: { id: true, regionCode: true } })).map((row) => [row.id, row.regionCode]),
  );
  const expected = new Map<string, number[]>();
  await computeIndicatorsForEstablishments(db, establishmentIds, parisToday(now), (id, indicators) => {
    const counts = snapshotCounts(indicators);
    const region = regionOf.get(id)!;
    const sums = expected.get(region) ?? [0, 0, 0, 0, 0];
    [counts.active, counts.registered, counts.substantialId, counts.rieCompliant, counts.dmpReady].forEach(
      (value, index) => (sums[index]! += value),
    );
    expected.set(region, sums);
  });
  const dashboard = await loadProgrammeDashboard(db, ZDashboardFilters.parse({}), now);
  const differing = dashboard.regions.filter((row) => {
    const sums = expected.get(row.regionCode) ?? [0, 0, 0, 0, 0];
    const shown = [row.rollout.active, row.rollout.registered, row.rollout.substantialId, row.rollout.rieCompliant, row.rollout.dmpReady];
    return shown.some((value, index) => value !== sums[index]);
  });
  if (differing.length > 0) {
    console.error(`ERROR: the dashboard's rollout differs from the rules module in ${differing.map((row) => row.regionCode).join(", ")}`);
    process.exitCode = 1;
  } else {
    console.log(
      `dashboard check: today's rollout equals the rules module's indicators in all ${dashboard.regions.length} regions (checked in ${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
  }
}
