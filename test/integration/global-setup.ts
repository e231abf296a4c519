import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "@/lib/db/migrations";
import { openScratchDatabase, type ScratchDatabase } from "@/lib/db/scratch-database";

declare module "vitest" {
  export interface ProvidedContext {
    /** One migrated database per worker, the worker's at index VITEST_POOL_ID − 1 (see database.ts). */
    databaseUrls: string[];
    /** The PostgreSQL server of TEST_DATABASE_URL ("" on the embedded database), for tests that need scratch databases of their own. */
    testServerUrl: string;
    /** A folder of this run, for each worker's stored files (see worker-storage.ts). */
    storageRoot: string;
  }
}

/**
 * One migrated scratch database and one storage folder per worker, so that test files run side by
 * side, each worker's one after another on its own database: new databases on the PostgreSQL server named by
 * TEST_DATABASE_URL (dropped afterwards), or embedded PostgreSQLs, each in a process of its own.
 * The two integration projects (vitest.config.ts) share them: a worker's id is unique among the
 * workers running, whichever project each runs, so the run makes one set, dropped by the last teardown.
 */
export default async function setup(project: TestProject) {
  const run = (globalThis.integrationRun ??= { resources: prepare(project.config.maxWorkers), users: 0 });
  run.users += 1;
  const { databases, storageRoot } = await run.resources;
  project.provide(
    "databaseUrls",
    databases.map((database) => database.url),
  );
  project.provide("testServerUrl", process.env.TEST_DATABASE_URL ?? "");
  project.provide("storageRoot", storageRoot);
  return async () => {
    run.users -= 1;
    if (run.users > 0) return;
    globalThis.integrationRun = undefined;
    await Promise.all(databases.map((database) => database.drop()));
    await rm(storageRoot, { recursive: true, force: true });
  };
}

type Resources = { databases: ScratchDatabase[]; storageRoot: string };

declare global {
  var integrationRun: { resources: Promise<Resources>; users: number } | undefined;
}

async function prepare(workers: number): Promise<Resources> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const databases = await Promise.all(
    Array.from({ length: workers }, () => (serverUrl ? openScratchDatabase(serverUrl) : openEmbeddedDatabaseProcess())),
  );
  await Promise.all(databases.map((database) => migrateDatabase(database.url)));
  const storageRoot = await mkdtemp(path.join(tmpdir(), "hospiconnect-integration-files-"));
  return { databases, storageRoot };
}

function openEmbeddedDatabaseProcess(): Promise<ScratchDatabase> {
  const child = spawn(process.execPath, ["--import", "tsx", "test/integration/embedded-database-process.ts"], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`The embedded database process stopped before serving (exit code ${code})`)));
    createInterface({ input: child.stdout }).once("line", (line) => {
      const { url } = JSON.parse(line) as { url: string };
      resolve({
        url,
        drop: async () => {
          child.stdin.end();
          await exited;
        },
      });
    });
  });
}
