import { beforeEach, describe, expect, it } from "vitest";
import { withRppsKey } from "@/lib/identifiers/rpps";
import { fileStorage } from "@/lib/storage";
import { establishmentWithDirector } from "@/test/factories";
import { resetDatabase, testDb } from "@/test/integration/database";
import { templateCsv } from "./import/fixtures.test-helpers";
import { parseRosterFile } from "./import";
import {
  abandonRosterImport,
  commitRosterImport,
  correctRosterImportLine,
  expireStaleImports,
  previewRosterImport,
} from "./import-session";

const FILE = new TextEncoder().encode(
  templateCsv([
    { Nom: "ARNAUD", Prénom: "Léa", RPPS: withRppsKey("2000000001") },
    { Nom: "COLIN", Prénom: "Inès", RPPS: "1234" },
  ]),
);

/** The worker's storage folder outlives a test's rows: files are compared with those already there. */
let before: Set<string>;

async function storedImportFiles(): Promise<string[]> {
  const keys: string[] = [];
  for await (const { key } of fileStorage().list()) if (key.startsWith("roster-imports/") && !before.has(key)) keys.push(key);
  return keys;
}

/**
 * An import's file lives in the file storage, not in its row: a large bytea held the embedded
 * database's one session for minutes and every other request got a 503 (QA, 7 December 2026).
 */
describe("the file of a roster import", () => {
  beforeEach(async () => {
    await resetDatabase();
    before = new Set();
    before = new Set(await storedImportFiles());
  });

  async function setup() {
    const { establishment, director: viewer } = await establishmentWithDirector(testDb);
    const at = { establishmentId: establishment.id };
    const preview = (bytes: Uint8Array<ArrayBuffer>, fileName = "registre.csv") => previewRosterImport(viewer, { ...at, fileName, bytes });
    return { establishment, viewer, at, preview };
  }

  it("is kept in the file storage, not in the database; a correction and the commit read it there, and the commit removes it", async () => {
    const { viewer, at, preview } = await setup();
    const { id, header } = await preview(FILE);
    const { storageKey } = await testDb.rosterImport.findUniqueOrThrow({ where: { id } });
    expect(storageKey).toMatch(/^roster-imports\/[0-9a-f]{32}$/);
    expect(new Uint8Array((await fileStorage().get(storageKey!))!)).toEqual(FILE);
    const bytea = await testDb.$queryRaw<unknown[]>`
      SELECT column_name FROM information_schema.columns WHERE table_name = 'RosterImport' AND data_type = 'bytea'`;
    expect(bytea).toEqual([]);

    const cells = (await parseRosterFile({ bytes: FILE, fileName: "registre.csv" }, { professionCodes: ["60"] })).rejectedCells!.get(3)!;
    cells[header!.indexOf("RPPS")] = withRppsKey("2000000002");
    await expect(correctRosterImportLine(viewer, { ...at, importId: id, line: 3, cells })).resolves.toMatchObject({ creates: 2 });
    await expect(commitRosterImport(viewer, { ...at, importId: id, ip: null })).resolves.toMatchObject({ created: 2, rejected: 0 });
    expect(await testDb.rosterImport.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "COMMITTED", storageKey: null });
    expect(await fileStorage().get(storageKey!)).toBeNull();
  });

  it.each([
    ["NUL bytes under a CSV's name", "liste.csv", new Uint8Array(3 << 20)],
    [
      "a text with no header in its first lines",
      "notes.csv",
      new TextEncoder().encode("Réunion du 3 mars\nOrdre du jour\n".repeat(50_000)),
    ],
    ["a PDF", "registre.csv", new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n")],
  ])("refuses %s with the preview's message, storing nothing", async (_, fileName, bytes) => {
    const { preview } = await setup();
    const [message] = (await parseRosterFile({ bytes, fileName }, { professionCodes: [] })).errors;
    expect(message).toBeDefined();
    await expect(preview(bytes, fileName)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      status: 422,
      message,
      fieldErrors: { file: [message] },
    });
    expect(await testDb.rosterImport.count()).toBe(0);
    expect(await storedImportFiles()).toEqual([]);
  });

  it("is removed when the preview expires or is abandoned", async () => {
    const { viewer, at, preview } = await setup();
    const stale = await preview(FILE);
    const abandoned = await preview(FILE);
    const keys = await storedImportFiles();
    expect(keys).toHaveLength(2);

    expect(await expireStaleImports(new Date(Date.now() + 6 * 86_400_000))).toBe(0);
    await abandonRosterImport(viewer, { ...at, importId: abandoned.id, ip: null });
    expect(await storedImportFiles()).toHaveLength(1);
    expect(await expireStaleImports(new Date(Date.now() + 8 * 86_400_000))).toBe(1);
    expect(await testDb.rosterImport.findUniqueOrThrow({ where: { id: stale.id } })).toMatchObject({ status: "FAILED", storageKey: null });
    expect(await storedImportFiles()).toEqual([]);
  });
});
