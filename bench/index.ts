// npm run bench [-- --establishments 40 --professionals 10000 --runs 3 --import-lines 100000 --indicator-establishments 10000 --indicator-professionals 1000000
//                  --assignment-dossiers 5000 --assignment-reviewers 200
//                  --connections 50 --load-seconds 15 --rush-dossiers 200 --rush-instances 2
//                  --national-scale 1 --national-runs 50 --national-database hc_national --export-dossiers 25000
//                  --decision-dossiers 5000 --decision-runs 20
//                  --only load,rush,dashboard,export,decisions]
//
// Generates a data set of the chosen size into a scratch database created on a PostgreSQL server
// (BENCH_DATABASE_URL, default: the local server at 127.0.0.1:5432) and prints, per scenario, the
// median time of the app's way and of a baseline measured in the same run, and their ratio.
// The embedded PGlite is not used: it cannot take COPY over the wire, and production runs PostgreSQL.
//
// The national data set takes long to generate at full scale (--national-scale 1). With
// --national-database <name> (or BENCH_NATIONAL_DATABASE) it is kept in that database instead of a
// scratch one: the first run creates the database, generates into it and leaves it in place; later
// runs of the same scale find it (its COMMENT records the data set) and measure only, after applying
// any new migration. Drop it (`dropdb -h 127.0.0.1 -U postgres <name>`) to generate afresh.
import { parseArgs } from "node:util";
import { connectDb, createDb } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrations";
import { openScratchDatabase } from "@/lib/db/scratch-database";
import { generateDataset } from "./dataset";
import { openKeptDatabase } from "./kept-database";
import { printPercentileResults, printResults, type ScenarioResult } from "./harness";
import { nationalDashboard } from "./scenarios/dashboard";
import { decisionBoard } from "./scenarios/decision-board";
import { dossierExport } from "./scenarios/export";
import { importRoster } from "./scenarios/import-roster";
import { insertProfessionals } from "./scenarios/insert-professionals";
import { establishmentIndicators } from "./scenarios/indicators";
import { assignReviewers } from "./scenarios/assign-reviewers";
import { pagesUnderLoad, printLoadResults } from "./scenarios/load";
import { deadlineRush, printRushResults } from "./scenarios/rush";
import { loadDemoData } from "@/prisma/seed/demo";

const { values } = parseArgs({
  options: {
    establishments: { type: "string", default: "40" },
    professionals: { type: "string", default: "10000" },
    runs: { type: "string", default: "3" },
    "import-lines": { type: "string", default: "100000" },
    "indicator-establishments": { type: "string", default: "10000" },
    "indicator-professionals": { type: "string", default: "1000000" },
    "assignment-dossiers": { type: "string", default: "5000" },
    "assignment-reviewers": { type: "string", default: "200" },
    connections: { type: "string", default: "50" },
    "load-seconds": { type: "string", default: "15" },
    "rush-dossiers": { type: "string", default: "200" },
    /** The rush is run on one `next start`, then on this many side by side (one database, round-robin). */
    "rush-instances": { type: "string", default: "2" },
    /** The dashboard's national data set (43,000 establishments, 2.5 M professionals, 5,000 dossiers), scaled down for development (e.g. 0.02). */
    "national-scale": { type: "string", default: "1" },
    "national-runs": { type: "string", default: "50" },
    /** A database to keep the national data set in and to reuse it from (see above). */
    "national-database": { type: "string", default: process.env.BENCH_NATIONAL_DATABASE },
    "export-dossiers": { type: "string", default: "25000" },
    /** Dossiers on the decisions board of one national wave (four reviews each). */
    "decision-dossiers": { type: "string", default: "5000" },
    "decision-runs": { type: "string", default: "20" },
    /** Scenarios to run, comma-separated: insert, import, indicators, assignment, dashboard, export, decisions, load, rush (default: all). */
    only: { type: "string" },
  },
});
const SCENARIOS = ["insert", "import", "indicators", "assignment", "dashboard", "export", "decisions", "load", "rush"] as const;
const selected = new Set(values.only ? values.only.split(",").map((name) => name.trim()) : SCENARIOS);
const unknown = [...selected].filter((name) => !(SCENARIOS as readonly string[]).includes(name));
if (unknown.length) {
  console.error(`Unknown scenario ${unknown.join(", ")}: choose among ${SCENARIOS.join(", ")}.`);
  process.exit(2);
}
const establishments = Number(values.establishments);
const professionals = Number(values.professionals);
const runs = Number(values.runs);

const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const scratch = await openScratchDatabase(serverUrl).catch((error: Error) => {
  console.error(
    `Cannot create a scratch database on ${serverUrl} (${error.message}).\nSet BENCH_DATABASE_URL to a PostgreSQL server where you may CREATE DATABASE.`,
  );
  process.exit(1);
});
const db = createDb(scratch.url, 4);
try {
  await migrateDatabase(scratch.url);
  const version = await db.$queryRaw<{ server_version: string }[]>`SHOW server_version`;
  console.log(
    `HospiConnect benchmarks: PostgreSQL ${version[0]?.server_version} (scratch database)` +
      (selected.has("insert") ? `, ${professionals.toLocaleString("en-US")} professionals across ${establishments} establishments` : "") +
      `, median of ${runs} runs\n`,
  );
  const results: ScenarioResult[] = [];
  if (selected.has("insert")) {
    const dataset = await generateDataset(db, establishments, professionals);
    results.push(await insertProfessionals(db, scratch.url, dataset.professionals, runs));
  }
  if (selected.has("import")) results.push(await importRoster(db, scratch.url, Number(values["import-lines"]), runs));
  if (selected.has("indicators")) {
    results.push(
      await establishmentIndicators(db, Number(values["indicator-establishments"]), Number(values["indicator-professionals"]), runs),
    );
  }
  const reports: string[] = [];
  if (selected.has("assignment")) {
    const assignment = await assignReviewers(db, Number(values["assignment-dossiers"]), Number(values["assignment-reviewers"]), 0.02, runs);
    results.push(assignment.result);
    reports.push(assignment.report);
  }
  if (results.length) printResults(results);
  for (const report of reports) console.log(report);
  // The national data set, in a database of its own: its figures are checked against the rules
  // module over every establishment, and the dossier list reads the app's shared client.
  if (selected.has("dashboard")) {
    const keptName = values["national-database"];
    const kept = keptName ? await openKeptDatabase(serverUrl, keptName) : undefined;
    const national = kept ? { url: kept.url, drop: async () => {} } : await openScratchDatabase(serverUrl);
    const nationalDb = connectDb(national.url, 4);
    try {
      await migrateDatabase(national.url);
      const scale = Number(values["national-scale"]);
      const size = {
        establishments: Math.round(43_000 * scale),
        professionals: Math.round(2_500_000 * scale),
        dossiers: Math.round(5_000 * scale),
        months: 18,
      };
      printPercentileResults(await nationalDashboard(nationalDb, national.url, { ...size, runs: Number(values["national-runs"]) }, kept));
    } finally {
      await nationalDb.$disconnect();
      await national.drop();
    }
  }
  // The streamed dossier export, in a database of its own (it reads the app's shared client).
  if (selected.has("export")) {
    const exported = await openScratchDatabase(serverUrl);
    const exportDb = connectDb(exported.url, 4);
    try {
      await migrateDatabase(exported.url);
      await dossierExport(exportDb, exported.url, Number(values["export-dossiers"]));
    } finally {
      await exportDb.$disconnect();
      await exported.drop();
    }
  }
  // The decisions board of a national wave, in a database of its own (it reads the app's shared client).
  if (selected.has("decisions")) {
    const decided = await openScratchDatabase(serverUrl);
    const decisionDb = connectDb(decided.url, 4);
    try {
      await migrateDatabase(decided.url);
      printPercentileResults([
        await decisionBoard(decisionDb, decided.url, Number(values["decision-dossiers"]), Number(values["decision-runs"])),
      ]);
    } finally {
      await decisionDb.$disconnect();
      await decided.drop();
    }
  }
  // The app's pages and routes, served by the production build, in a database of their own.
  if (selected.has("load") || selected.has("rush")) {
    const served = await openScratchDatabase(serverUrl);
    const appDb = createDb(served.url, 4);
    try {
      await migrateDatabase(served.url);
      await loadDemoData(appDb);
      const connections = Number(values.connections);
      const seconds = Number(values["load-seconds"]);
      if (selected.has("load")) printLoadResults(await pagesUnderLoad(appDb, served.url, { connections, seconds }), connections, seconds);
      if (selected.has("rush"))
        printRushResults(await deadlineRush(appDb, served.url, Number(values["rush-dossiers"]), Number(values["rush-instances"])));
    } finally {
      await appDb.$disconnect();
      await served.drop();
    }
  }
} finally {
  await db.$disconnect();
  await scratch.drop();
}
