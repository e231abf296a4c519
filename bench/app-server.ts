import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, openSync, readFileSync } from "node:fs";
import { encode } from "next-auth/jwt";
import type { Db } from "@/lib/db/client";
import { freePorts } from "@/scripts/lib/free-port";
import { buildApp, buildIsStale, nextBin } from "@/scripts/lib/next-build";

const BENCH_AUTH_SECRET = "bench-secret-for-the-scratch-server-only-0123456789";
/** The bench server's logs (warnings and errors), to read after a run. */
export const BENCH_SERVER_LOG = ".data/bench-server.log";
/** Where the bench's server keeps receipts (the rush scenario counts them there). */
export const BENCH_STORAGE_DIR = ".data/bench-files";

export type BenchServer = { url: string; pid: number; stop: () => Promise<void> };

/**
 * The production build served by `next start` on the bench's scratch database, as a deployment
 * runs it (the job worker runs apart, see startBenchWorker: RUN_JOBS=false; logs above warnings
 * only, like a quiet production log level would be). With BENCH_PROFILE=1, the server writes a CPU profile
 * (.data/bench-profiles/*.cpuprofile, for Chrome DevTools) when it stops.
 */
export async function startBenchServer(databaseUrl: string): Promise<BenchServer> {
  if (buildIsStale()) await buildApp();
  const [port] = await freePorts(1);
  const url = `http://localhost:${port}`;
  mkdirSync(".data", { recursive: true });
  const log = openSync(BENCH_SERVER_LOG, "a");
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROFILE ? ["--cpu-prof", "--cpu-prof-dir=.data/bench-profiles"] : []),
      nextBin(),
      "start",
      "--port",
      String(port),
    ],
    {
      env: benchEnv(databaseUrl, url),
      stdio: ["ignore", log, log],
    },
  );
  for (let attempt = 0; ; attempt += 1) {
    if (
      await fetch(`${url}/api/health`).then(
        (response) => response.ok,
        () => false,
      )
    )
      break;
    if (attempt > 400 || child.exitCode !== null) throw new Error("next start did not answer");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, pid: child.pid!, stop: () => stopChild(child) };
}

/** What the bench's server and worker are given: one database, one storage, logs above warnings. */
function benchEnv(databaseUrl: string, url: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    APP_URL: url,
    AUTH_SECRET: BENCH_AUTH_SECRET,
    DEMO_MODE: "false",
    RUN_JOBS: "false",
    LOG_LEVEL: "warn",
    STORAGE_DIR: BENCH_STORAGE_DIR,
  };
}

/** `npm run worker` beside the bench's server, as a deployment of several instances runs it. */
export function startBenchWorker(databaseUrl: string, url: string): { stop: () => Promise<void> } {
  const log = openSync(BENCH_SERVER_LOG, "a");
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: benchEnv(databaseUrl, url),
    stdio: ["ignore", log, log],
  });
  return { stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    // SIGINT: Next.js and the worker exit normally, so that Node writes the CPU profile.
    child.kill("SIGINT");
  });
}

/** The cookie of a new signed-in session of `userId`, as a browser sends it. */
export async function benchSessionCookie(db: Db, userId: string): Promise<string> {
  const session = await db.session.create({ data: { userId, method: "PASSKEY", expiresAt: new Date(Date.now() + 6 * 3_600_000) } });
  return `next-auth.session-token=${await encode({ token: { sub: userId, sid: session.id }, secret: BENCH_AUTH_SECRET })}`;
}

/** The value below which `share` of the sorted values fall. */
export function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

let ticksPerSecond: number | undefined;

/**
 * The CPU time a process has used so far (user + system, ms), from /proc: NaN where there is none.
 * Per request, it tells what a page costs the server whatever else the machine is doing, where
 * latencies on a shared machine also measure the neighbours.
 */
export function processCpuMs(pid: number): number {
  try {
    ticksPerSecond ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" })) || 100;
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return Number.NaN;
  }
}

/** The CPU time the processes have used so far, together. */
export const cpuOf = (servers: ReadonlyArray<{ pid: number }>) => servers.reduce((total, server) => total + processCpuMs(server.pid), 0);

/**
 * Waits until the servers are idle (under 5 % of a core over half a second), for at most 30 s.
 * `next start` loads every page and route of the build in the background once it answers (Next.js's
 * `preloadEntriesOnStart`): about a second of CPU, which would otherwise be counted in whichever
 * burst it overlaps: the floor's or the rush's, or the load scenario's warm-up of the floor, whose
 * rate sizes the floor's slices.
 */
export async function settled(servers: ReadonlyArray<{ pid: number }>): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (let before = cpuOf(servers); Date.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = cpuOf(servers);
    // NaN where /proc is missing: nothing to wait for then.
    if (!(now - before >= 25 * servers.length)) return;
    before = now;
  }
}
