import type { TestProject } from "vitest/node";
import { migrateDatabase } from "@/lib/db/migrations";
import { openScratchDatabase } from "@/lib/db/scratch-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    /** The PostgreSQL server of TEST_DATABASE_URL ("" on the embedded database), for tests that need scratch databases of their own. */
    testServerUrl: string;
  }
}

/**
 * One migrated scratch database for the integration run: on the PostgreSQL server named by
 * TEST_DATABASE_URL (a new database, dropped afterwards), or on the embedded PostgreSQL.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const database = await openScratchDatabase(serverUrl);
  await migrateDatabase(database.url);
  project.provide("databaseUrl", database.url);
  project.provide("testServerUrl", serverUrl ?? "");
  return () => database.drop();
}
