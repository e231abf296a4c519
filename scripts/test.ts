// npm test: every check, from a fresh clone, with nothing set up by hand.
//   1. the browser is there (Debian's chromium), 2. Prisma client, 3. types, lint and formatting,
//   side by side, 4. unit and integration tests (Vitest; integration on embedded PostgreSQLs),
//   5. production build, 6. system tests (instances of the build on a PostgreSQL cluster they start),
//   then, when TEST_DATABASE_URL names a PostgreSQL server, the integration tests again on it,
//   beside 7. end-to-end tests (Playwright).
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
// The e2e database on TEST_DATABASE_URL's server when there is one (e2e/fixtures/environment.ts):
// the embedded one still serves the integration tests and `npm start` (test/system/npm-start.system.test.ts).
const e2eDatabaseServerUrl = process.env.E2E_DATABASE_SERVER_URL || process.env.TEST_DATABASE_URL;
const e2eEnvironment: Record<string, string> = {
  ...(await e2ePorts(process.env)),
  ...(e2eDatabaseServerUrl ? { E2E_DATABASE_SERVER_URL: e2eDatabaseServerUrl } : {}),
};
const steps: Array<[string, () => unknown]> = [
  ["Prisma client", ensurePrismaClient],
  // next-env.d.ts and the typed routes come from Next.js itself.
  ["Route types", () => run(bin("next"), ["typegen"])],
  // Each is one process on one core: side by side on the machine's two, their reports held back.
  [
    "Types, lint and formatting",
    () =>
      together([
        { name: "Type check", commands: [[bin("tsc"), ["--noEmit", "-p", "."]]] },
        { name: "Lint", commands: [[bin("eslint"), ["."]]] },
        { name: "Formatting", commands: [[bin("prettier"), ["--check", "."]]] },
      ]),
  ],
  // On the embedded database here whatever TEST_DATABASE_URL says: the server's turn comes later.
  [
    "Unit and integration tests",
    () => run(bin("vitest"), ["run", "--project", "unit", "--project", "integration*"], { TEST_DATABASE_URL: "" }),
  ],
  // Through the npm script itself, so that CI proves `npm run build` works.
  ["Production build", () => buildIsStale() && run("npm", ["run", "build"])],
  // System tests: instances of that build on a PostgreSQL server of their own (several instances,
  // faults), mostly waiting for servers to stop and start; then the integration tests on
  // TEST_DATABASE_URL's server, on one worker. Beside the end-to-end tests: the PostgreSQL pass
  // slows them by about what it costs after them (measured), the system tests hardly.
  // The end-to-end tests in two phases (playwright.config.ts, ADR 0041): the files that must be
  // alone, then the others, on two workers when their database is a server.
  // The e2e servers take free ports unless E2E_PORT, E2E_DB_PORT, E2E_PSC_PORT say otherwise.
  [
    "System and end-to-end tests",
    async () =>
      together([
        {
          name: process.env.TEST_DATABASE_URL ? "System tests, then integration tests on TEST_DATABASE_URL" : "System tests",
          commands: [
            [bin("vitest"), ["run", "--project", "system"]],
            ...(process.env.TEST_DATABASE_URL
              ? [[bin("vitest"), ["run", "--project", "integration*"], { TEST_WORKERS: "1" }] as Command]
              : []),
          ],
        },
        {
          name: "End-to-end tests",
          commands: [
            [bin("playwright"), ["test", "--project=alone"], e2eEnvironment],
            [bin("playwright"), ["test", "--project=side-by-side", `--workers=${e2eDatabaseServerUrl ? 2 : 1}`], e2eEnvironment],
          ],
          output: "live",
        },
      ]),
  ],
];

function run(command: string, args: string[], extraEnv: Record<string, string> = {}): void {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...extraEnv, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error(`${path.basename(command)} ${args.join(" ")} failed`);
}

type Command = [command: string, args: string[], env?: Record<string, string>];
/** Commands run one after the other, beside other checks; each runs even when one before it failed. */
type Check = { name: string; commands: Command[]; output?: "held" | "live" };

/** How much of a failed live command is shown again at the very end: its reporter's summary of the failures. */
const LIVE_ENDING_LINES = 120;

/**
 * Runs checks at once; each one's output is held back and shown whole when all have ended (one at
 * most shows its output as it comes, the long one), so that their reports do not interleave. A
 * failed live check then shows its last lines again, last: a CI log is often read from its end.
 */
async function together(checks: Check[]): Promise<void> {
  const results = await Promise.all(
    checks.map(async ({ name, commands, output = "held" }) => {
      const checkStarted = Date.now();
      const runs: Array<{ ok: boolean; output: string }> = [];
      for (const [command, args, env] of commands) runs.push(await runHeldBack(command, args, env ?? {}, output));
      const text = runs
        .map((outcome) => outcome.output)
        .filter(Boolean)
        .join("\n");
      // A live command's failures, as its reporter sums them up at its end.
      const failedEndings = runs
        .filter((outcome) => !outcome.ok)
        .map((outcome) => outcome.output.split("\n").slice(-LIVE_ENDING_LINES).join("\n"));
      return { name, ok: failedEndings.length === 0, output, text, failedEndings, seconds: (Date.now() - checkStarted) / 1000 };
    }),
  );
  for (const result of results) {
    if (result.output === "held" && result.text) console.log(`\n▶ ${result.name} (report)\n${result.text}`);
  }
  for (const result of results) {
    if (result.output !== "live") continue;
    for (const ending of result.failedEndings) console.log(`\n▶ ${result.name} (the end of a failed run, again)\n${ending}`);
  }
  for (const result of results) console.log(`${result.ok ? "✔" : "✖"} ${result.name} (${result.seconds.toFixed(0)} s)`);
  const failed = results.filter((result) => !result.ok).map((result) => result.name);
  if (failed.length > 0) throw new Error(`${failed.join(", ")} failed`);
}

/** Runs a command without blocking the others; its output is kept, and shown as it comes when live. */
function runHeldBack(
  command: string,
  args: string[],
  extraEnv: Record<string, string>,
  output: "held" | "live",
): Promise<{ ok: boolean; output: string }> {
  const child = spawn(command, args, {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...extraEnv, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const chunks: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => {
    chunks.push(chunk);
    if (output === "live") process.stdout.write(chunk);
  });
  child.stderr.on("data", (chunk: Buffer) => {
    chunks.push(chunk);
    if (output === "live") process.stderr.write(chunk);
  });
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
