// The app as the end-to-end tests see it: a fresh in-memory embedded PostgreSQL on E2E_DB_PORT,
// migrated and loaded with the demo data, then the production build served on PORT.
// Started by playwright.config.ts; expects a build (`npm test` makes it).
import { spawn } from "node:child_process";
import { createDb } from "@/lib/db/client";
import { startEmbeddedDatabase } from "@/lib/db/embedded/server";
import { migrateDatabase } from "@/lib/db/migrations";
import { loadDemoData } from "@/prisma/seed/demo";
import { nextBin } from "./lib/next-build";

const port = Number(process.env.E2E_DB_PORT ?? 55432);
const database = await startEmbeddedDatabase({ port });
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
