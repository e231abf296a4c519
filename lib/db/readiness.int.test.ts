import { readdirSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { freePorts } from "@/scripts/lib/free-port";
import { inject } from "vitest";
import { testDb } from "@/test/integration/database";
import { createDb } from "./client";
import { checkReadiness } from "./readiness";
import { openScratchDatabase, type ScratchDatabase } from "./scratch-database";

const MIGRATIONS = readdirSync("prisma/migrations", { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe("readiness", () => {
  let empty: ScratchDatabase | undefined;
  afterAll(() => empty?.drop());

  it("is ready on a migrated database", async () => {
    expect(await checkReadiness(testDb)).toEqual({ ready: true, migrations: MIGRATIONS.length });
  });

  it("lists the migrations a database still lacks", async () => {
    empty = await openScratchDatabase(inject("testServerUrl") || undefined);
    const client = createDb(empty.url, 1);
    try {
      expect(await checkReadiness(client)).toEqual({ ready: false, reason: "migrations-pending", pending: MIGRATIONS });
    } finally {
      await client.$disconnect();
    }
  });

  it("is not ready when the database does not answer", async () => {
    const [port] = await freePorts(1);
    const client = createDb(`postgresql://postgres@127.0.0.1:${port}/postgres`, 1);
    expect(await checkReadiness(client)).toEqual({ ready: false, reason: "database-unavailable" });
    await client.$disconnect();
  });
});
