// npm start: prepares everything and serves the app.
//  - no DATABASE_URL: starts the embedded PostgreSQL (PGlite, data in EMBEDDED_DB_DIR),
//    migrates it and loads the demo data the first time;
//  - DATABASE_URL set: migrates that database (as DATABASE_MIGRATION_URL's role when set) and serves it.
// `npm run dev` does the same with Next.js's development server.
import { spawn } from "node:child_process";
import { env, isDemoMode } from "@/lib/config/env";
import { createDb } from "@/lib/db/client";
import { createDemoSignInLinks } from "@/lib/identity/demo-sign-in";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded/server";
import { hasCampaigns, loadDemoData } from "@/prisma/seed/demo";
import { localAuthSecret } from "./lib/auth-secret";
import { migrateAsOwner, publishEmbeddedUrl } from "./lib/database";
import { buildApp, buildIsStale, nextBin } from "./lib/next-build";
import { ensurePrismaClient } from "./lib/prisma-client";

const development = process.argv.includes("--dev");
const demo = isDemoMode();

ensurePrismaClient();

let embedded: EmbeddedDatabase | undefined;
let unpublish = async () => {};
let url = env.DATABASE_URL;
if (!url) {
  embedded = await startEmbeddedDatabase({ dataDir: env.EMBEDDED_DB_DIR, port: env.EMBEDDED_DB_PORT });
  url = embedded.url;
  unpublish = await publishEmbeddedUrl(url);
  console.log(`Embedded PostgreSQL (data in ${env.EMBEDDED_DB_DIR}) at ${url}`);
}

const applied = await migrateAsOwner(url);
if (applied.length) console.log(`Migrations applied: ${applied.join(", ")}`);

let demoLinks = "";
if (demo) {
  const db = createDb(url, 1);
  if (!(await hasCampaigns(db))) {
    console.log("Loading demo data (first start only)…");
    const loaded = await loadDemoData(db);
    console.log(`Demo data: ${loaded.establishments} establishments, ${loaded.professionals} professionals.`);
  }
  const links = await createDemoSignInLinks(db, env.APP_URL);
  demoLinks = links.map((link) => `  ${link.role} – ${link.name}:\n    ${link.link}`).join("\n");
  await db.$disconnect();
}

if (!development && buildIsStale()) await buildApp();

const server = spawn(process.execPath, [nextBin(), development ? "dev" : "start", "--port", String(env.PORT)], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: url, DEMO_MODE: String(demo), AUTH_SECRET: await localAuthSecret(), NEXT_TELEMETRY_DISABLED: "1" },
});
console.log(`\nHospiConnect is starting: open ${env.APP_URL}\n`);
if (demoLinks) {
  console.log(`Demo mode: one-time sign-in links (valid 24 hours; a restart prints new ones):\n${demoLinks}\n`);
}

async function shutdown(code: number): Promise<never> {
  await unpublish();
  await embedded?.stop();
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code) => void shutdown(code ?? 0));
