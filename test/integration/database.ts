import { inject } from "vitest";
import { connectDb } from "@/lib/db/client";

/** This worker's migrated database (see global-setup.ts): the files of one worker run one after another. */
export const databaseUrl = workerDatabaseUrl();

/** Also the client of the domain functions under test (lib/db/client's shared `db`). */
export const testDb = connectDb(databaseUrl, 4);

/** Reference data loaded by migrations, migration history and the append-only audit log stay. */
const KEPT = new Set(["_prisma_migrations", "EstablishmentCategory", "Profession", "AuditEvent"]);

/** Empties every table between tests, in one statement. */
export async function resetDatabase(): Promise<void> {
  const tables = await testDb.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = current_schema()`;
  const names = tables.map((table) => table.tablename).filter((name) => !KEPT.has(name));
  if (names.length) await testDb.$executeRawUnsafe(`TRUNCATE ${names.map((name) => `"${name}"`).join(", ")} CASCADE`);
}

function workerDatabaseUrl(): string {
  const urls = inject("databaseUrls");
  const url = urls[Number(process.env.VITEST_POOL_ID ?? "1") - 1];
  if (!url)
    throw new Error(`No database for worker ${process.env.VITEST_POOL_ID} (${urls.length} prepared): set maxWorkers on the project`);
  return url;
}
