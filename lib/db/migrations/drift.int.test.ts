import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openScratchDatabase, type ScratchDatabase } from "@/lib/db/scratch-database";
import { diffSchemas, migrateDatabase, SCHEMA_PATH } from ".";
import { readSchemaCatalog, type SchemaCatalog } from "./schema-catalog";

/**
 * Builds one empty database from prisma/migrations and another straight from prisma/schema.prisma,
 * then compares their structure: a schema change without its migration (or the reverse) fails here.
 */
describe("migrations and schema.prisma", () => {
  let fromMigrations: ScratchDatabase;
  let fromSchema: ScratchDatabase;
  let migrated: SchemaCatalog;
  let expected: SchemaCatalog;

  beforeAll(async () => {
    const serverUrl = inject("testServerUrl") || undefined;
    [fromMigrations, fromSchema] = await Promise.all([openScratchDatabase(serverUrl), openScratchDatabase(serverUrl)]);
    await migrateDatabase(fromMigrations.url);
    const schema = await readFile(SCHEMA_PATH, "utf8");
    const sql = await diffSchemas(fromSchema.url, null, schema);
    const pg = await import("pg");
    const client = new pg.default.Client({ connectionString: fromSchema.url });
    await client.connect();
    await client.query(sql);
    await client.end();
    [migrated, expected] = await Promise.all([readSchemaCatalog(fromMigrations.url), readSchemaCatalog(fromSchema.url)]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([fromMigrations?.drop(), fromSchema?.drop()]);
  });

  it("have the same columns, with the same types, nullability and defaults", () => {
    expect(migrated.columns).toEqual(expected.columns);
    expect(migrated.columns.length).toBeGreaterThan(100);
  });

  it("have the same enums", () => {
    expect(migrated.enums).toEqual(expected.enums);
  });

  it("have the same indexes, keys and foreign keys", () => {
    expect(migrated.indexes).toEqual(expected.indexes);
    expect(migrated.constraints).toEqual(expected.constraints);
  });

  it("differ only by the rules written by hand in migrations", () => {
    expect(expected.handWritten).toEqual([]);
    expect(migrated.handWritten).toEqual(
      expect.arrayContaining([
        expect.stringContaining("Professional_rpps_format"),
        "trigger AuditEvent.AuditEvent_no_update_or_delete on UPDATE",
        "trigger AuditEvent.AuditEvent_no_update_or_delete on DELETE",
        "function audit_event_is_append_only",
        "collation Professional.lastName und-x-icu",
        "collation Establishment.name und-x-icu",
        "function search_fold",
        expect.stringMatching(/^generated Establishment\.nameSearch = search_fold\(name\)$/),
        expect.stringMatching(/^generated Professional\.nameSearch = search_fold\(/),
        expect.stringMatching(/^generated User\.nameSearch = search_fold\(/),
        expect.stringMatching(/^generated AuditEvent\.applicationId = \(details ->> 'applicationId'/),
      ]),
    );
  });

  it("are applied once: a second run applies nothing", async () => {
    expect(await migrateDatabase(fromMigrations.url)).toEqual([]);
  });
});
