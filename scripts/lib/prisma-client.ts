import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";

const GENERATED = path.resolve("lib/db/generated/client.ts");
const SCHEMA = path.resolve("prisma/schema.prisma");

/**
 * Generates the Prisma client into lib/db/generated.
 *
 * Prisma 7 generates with the WebAssembly schema build shipped in the `prisma` package, but its CLI
 * first looks for the native schema engine and tries to download it, which fails on networks that
 * reach only the npm registry (air-gapped hospital networks too). Prisma's documented
 * PRISMA_SCHEMA_ENGINE_BINARY variable skips that download when it names an existing file;
 * generation never runs it. Migrations go through lib/db/migrations instead.
 */
export function generatePrismaClient(): void {
  const env = { ...process.env };
  if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
    env.PRISMA_SCHEMA_ENGINE_BINARY = path.resolve("node_modules/@prisma/schema-engine-wasm/schema_engine_bg.wasm");
  }
  const cli = path.resolve("node_modules/prisma/build/index.js");
  const result = spawnSync(process.execPath, [cli, "generate"], { stdio: "inherit", env });
  if (result.status !== 0) throw new Error("prisma generate failed");
}

/** Generates the client unless it is newer than the schema. */
export function ensurePrismaClient(): void {
  if (existsSync(GENERATED) && statSync(GENERATED).mtimeMs >= statSync(SCHEMA).mtimeMs) return;
  generatePrismaClient();
}
