import { type ChildProcess, spawn } from "node:child_process";
import { encode } from "next-auth/jwt";
import type { Db } from "@/lib/db/client";
import { freePorts } from "@/scripts/lib/free-port";
import { nextBin } from "@/scripts/lib/next-build";

export const SYSTEM_AUTH_SECRET = "system-tests-secret-shared-by-every-instance-0123456789";

/** One instance of the production build (`next start`), as a deployment runs it. */
export type AppProcess = {
  url: string;
  pid: number;
  /** Its standard output, line by line (JSON logs). */
  lines: string[];
  kill: (signal?: NodeJS.Signals) => Promise<void>;
};

export async function startApp(settings: Record<string, string>): Promise<AppProcess> {
  const [port] = await freePorts(1);
  const url = `http://localhost:${port}`;
  const child: ChildProcess = spawn(process.execPath, [nextBin(), "start", "--port", String(port)], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      APP_URL: url,
      AUTH_SECRET: SYSTEM_AUTH_SECRET,
      DEMO_MODE: "false",
      ...settings,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines = collectLines(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await answering(url, child, lines, "next start", 90_000);
  return {
    url,
    pid: child.pid!,
    lines,
    async kill(signal = "SIGTERM") {
      if (child.exitCode === null) child.kill(signal);
      await exited;
    },
  };
}

/**
 * Waits until the app `child` started answers `/api/health` at `url`. Fails with its output when it
 * exits first, or when it has not answered within `timeoutMs`: then it is stopped (SIGTERM, which
 * `npm start` passes on to the server it started).
 */
export async function answering(url: string, child: ChildProcess, lines: string[], what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${what} exited:\n${lines.join("\n")}`);
    const healthy = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`${what} did not answer:\n${lines.join("\n")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The child's output, stdout and stderr, line by line as it comes. */
export function collectLines(child: ChildProcess): string[] {
  const lines: string[] = [];
  let pending = "";
  const collect = (chunk: Buffer) => {
    pending += chunk.toString("utf8");
    const complete = pending.split("\n");
    pending = complete.pop() ?? "";
    lines.push(...complete.filter(Boolean));
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  return lines;
}

/** A signed-in session of `userId`, as the cookie a browser would send to any instance. */
export async function sessionCookie(db: Db, userId: string): Promise<string> {
  const session = await db.session.create({ data: { userId, method: "PASSKEY", expiresAt: new Date(Date.now() + 3_600_000) } });
  return `next-auth.session-token=${await encode({ token: { sub: userId, sid: session.id }, secret: SYSTEM_AUTH_SECRET })}`;
}

/** Parsed JSON log lines of an app or a worker (and the lines that are not JSON, as { raw }). */
export function logEntries(app: Pick<AppProcess, "lines">): Array<Record<string, unknown>> {
  return app.lines.map((line) => {
    try {
      return JSON.parse(line) as Record<string, unknown>;
    } catch {
      return { raw: line };
    }
  });
}

/** `npm run worker` (scripts/worker.ts) as one Node.js process, so that a signal reaches the worker itself and not a launcher. */
export type WorkerProcess = { pid: number; lines: string[]; kill: (signal?: NodeJS.Signals) => Promise<void> };

export async function startWorker(settings: Record<string, string>): Promise<WorkerProcess> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", AUTH_SECRET: SYSTEM_AUTH_SECRET, ...settings },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines = collectLines(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 60_000;
  while (!lines.some((line) => line.includes('"job worker started"'))) {
    if (child.exitCode !== null) throw new Error(`the worker exited:\n${lines.join("\n")}`);
    if (Date.now() > deadline) throw new Error(`the worker did not start:\n${lines.join("\n")}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    pid: child.pid!,
    lines,
    async kill(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
