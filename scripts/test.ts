// npm test: every check, from a fresh clone, with nothing set up by hand.
//   1. the browser is there (Debian's chromium), 2. Prisma client, 3. types, lint and formatting,
//   4. unit and integration tests (Vitest; integration on the embedded PostgreSQL, or on
//      TEST_DATABASE_URL when set), 5. production build, 6. system tests (instances of the build
//      on a PostgreSQL cluster they start) beside 7. end-to-end tests (Playwright).
import { spawn, spawnSync } from "node:child_process";
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
  // System tests: instances of that build on a PostgreSQL server of their own (several instances,
  // faults). They mostly wait for servers to stop and start, so they run beside the end-to-end
  // tests, their report held back until both end so that the two do not interleave.
  // The e2e servers take free ports unless E2E_PORT, E2E_DB_PORT, E2E_PSC_PORT say otherwise.
  [
    "System and end-to-end tests",
    async () => {
      const system = runHeldBack(bin("vitest"), ["run", "--project", "system"]);
      const endToEnd = runHeldBack(bin("playwright"), ["test"], await e2ePorts(process.env), "inherit");
      const [systemResult, endToEndResult] = await Promise.all([system, endToEnd]);
      console.log(`\n▶ System tests (report)\n${systemResult.output}`);
      const failed = [systemResult.ok ? null : "system tests", endToEndResult.ok ? null : "end-to-end tests"].filter(Boolean);
      if (failed.length > 0) throw new Error(`${failed.join(" and ")} failed`);
    },
  ],
];

function run(command: string, args: string[], extraEnv: Record<string, string> = {}): void {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...extraEnv, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error(`${path.basename(command)} ${args.join(" ")} failed`);
}

/** Runs a command without blocking the other; its output is kept for later, or shown as it comes. */
function runHeldBack(
  command: string,
  args: string[],
  extraEnv: Record<string, string> = {},
  output: "held" | "inherit" = "held",
): Promise<{ ok: boolean; output: string }> {
  const child = spawn(command, args, {
    stdio: output === "inherit" ? "inherit" : ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...extraEnv, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const chunks: Buffer[] = [];
  child.stdout?.on("data", (chunk: Buffer) => chunks.push(chunk));
  child.stderr?.on("data", (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve) => {
    child.once("error", (error) => resolve({ ok: false, output: `${Buffer.concat(chunks).toString("utf8")}\n${error.message}` }));
    child.once("close", (code) => resolve({ ok: code === 0, output: Buffer.concat(chunks).toString("utf8") }));
  });
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
