import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

// Either name of Next.js's configuration file counts (the project moves from .ts to .mjs).
const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.ts",
  "next.config.mjs",
  "package-lock.json",
  "tsconfig.json",
];
const BUILD_ID = path.resolve(".next/BUILD_ID");

function newestChange(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(entry).reduce((newest, child) => Math.max(newest, newestChange(path.join(entry, child))), stats.mtimeMs);
}

/** True when no production build exists or a source changed since the last one. */
export function buildIsStale(): boolean {
  if (!existsSync(BUILD_ID)) return true;
  const builtAt = statSync(BUILD_ID).mtimeMs;
  return SOURCES.some((source) => newestChange(path.resolve(source)) > builtAt);
}

export function nextBin(): string {
  return path.resolve("node_modules/next/dist/bin/next");
}

/**
 * Runs a Node.js script in a child process, streaming its output, and resolves when it exits
 * successfully. Never `spawnSync`: `npm start` serves the embedded database from its own event
 * loop, and a blocked loop would leave every other client of that database (`npm run invite`
 * beside it) hanging for the whole build.
 */
export function runNode(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: "inherit", env });
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(args[0] ?? "node")} ${args.slice(1).join(" ")} exited with ${signal ?? code}`)),
    );
  });
}

/** Builds the app for production (`next build`), streaming its output. */
export function buildApp(): Promise<void> {
  return runNode([nextBin(), "build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
}
