// The app as the end-to-end tests see it: a fresh database, migrated and loaded with the demo data,
// then the production build served on PORT. The database is E2E_DATABASE_URL's on the PostgreSQL
// server of E2E_DATABASE_SERVER_URL when set (replaced at each start, dropped at the end), otherwise
// an in-memory embedded PostgreSQL on E2E_DB_PORT (e2e/fixtures/environment.ts).
// Started by playwright.config.ts; expects a build (`npm test` makes it).
import { spawn } from "node:child_process";
import { createDb } from "@/lib/db/client";
import { startEmbeddedDatabase } from "@/lib/db/embedded/server";
import { migrateDatabase } from "@/lib/db/migrations";
import { openScratchDatabase } from "@/lib/db/scratch-database";
import { E2E_DATABASE_NAME, E2E_DATABASE_SERVER_URL, E2E_DB_PORT } from "@/e2e/fixtures/environment";
import { loadDemoData } from "@/prisma/seed/demo";
import { nextBin } from "./lib/next-build";

const database = E2E_DATABASE_SERVER_URL
  ? await openScratchDatabase(E2E_DATABASE_SERVER_URL, E2E_DATABASE_NAME).then(({ url, drop }) => ({ url, stop: drop }))
  : await startEmbeddedDatabase({ port: E2E_DB_PORT });
await migrateDatabase(database.url);
const db = createDb(database.url, 1);
await loadDemoData(db);
await db.$disconnect();

const server = spawn(process.execPath, [nextBin(), "start", "--port", String(process.env.PORT ?? 3100)], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: database.url, DEMO_MODE: "true", NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", async (code) => {
  await database.stop();
  process.exit(code ?? 0);
});
