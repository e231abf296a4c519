import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "public", "proxy.ts", "next.config.ts", "package-lock.json", "tsconfig.json"];
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

/** Builds the app for production (`next build`), streaming its output. */
export function buildApp(): void {
  const result = spawnSync(process.execPath, [nextBin(), "build"], { stdio: "inherit", env: process.env });
  if (result.status !== 0) throw new Error("next build failed");
}
