// npm test: every check, from a fresh clone, with nothing set up by hand.
//   1. the browser is there (Debian's chromium), 2. Prisma client, 3. types, lint and formatting,
//   4. unit and integration tests (Vitest; integration on the embedded PostgreSQL, or on
//      TEST_DATABASE_URL when set), 5. production build, 6. system tests (instances of the build
//      on a PostgreSQL cluster they start), 7. end-to-end tests (Playwright).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { e2ePorts } from "./lib/free-port";
import { buildIsStale } from "./lib/next-build";
import { ensurePrismaClient } from "./lib/prisma-client";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(`Chromium is missing at ${chromium}: install Debian's package (sudo apt-get install chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}

const bin = (name: string) => path.resolve("node_modules/.bin", name);
const steps: Array<[string, () => unknown]> = [
  ["Prisma client", ensurePrismaClient],
  // next-env.d.ts and the typed routes come from Next.js itself.
  ["Route types", () => run(bin("next"), ["typegen"])],
  ["Type check", () => run(bin("tsc"), ["--noEmit", "-p", "."])],
  ["Lint", () => run(bin("eslint"), ["."])],
  ["Formatting", () => run(bin("prettier"), ["--check", "."])],
  ["Unit and integration tests", () => run(bin("vitest"), ["run", "--project", "unit", "--project", "integration"])],
  // Through the npm script itself, so that CI proves `npm run build` works.
  ["Production build", () => buildIsStale() && run("npm", ["run", "build"])],
  // Instances of that build on a PostgreSQL server of their own: several instances, faults.
  ["System tests", () => run(bin("vitest"), ["run", "--project", "system"])],
  // The servers take free ports unless E2E_PORT, E2E_DB_PORT, E2E_PSC_PORT say otherwise.
  ["End-to-end tests", async () => run(bin("playwright"), ["test"], await e2ePorts(process.env))],
];

function run(command: string, args: string[], extraEnv: Record<string, string> = {}): void {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...extraEnv, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error(`${path.basename(command)} ${args.join(" ")} failed`);
}

const started = Date.now();
for (const [name, step] of steps) {
  const stepStarted = Date.now();
  console.log(`\n▶ ${name}`);
  try {
    await step();
  } catch (error) {
    console.error(`\n✖ ${name}: ${(error as Error).message}`);
    process.exit(1);
  }
  console.log(`✔ ${name} (${((Date.now() - stepStarted) / 1000).toFixed(0)} s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
