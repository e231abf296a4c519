import { beforeEach, describe, expect, it } from "vitest";
import { withRppsKey } from "@/lib/identifiers/rpps";
import { establishmentWithDirector } from "@/test/factories";
import { fileStorage } from "@/lib/storage";
import { resetDatabase, testDb } from "@/test/integration/database";
import { templateCsv } from "./import/fixtures.test-helpers";
import { abandonRosterImport, commitRosterImport, previewRosterImport } from "./import-session";

const FILE = new TextEncoder().encode(templateCsv([{ Nom: "ARNAUD", Prénom: "Léa", RPPS: withRppsKey("2000000001") }]));

/** A preview the director will not import: its file (personal data) goes now, not 7 days later. */
describe("abandoning a roster import", () => {
  beforeEach(resetDatabase);

  async function setup() {
    const { establishment, director: viewer } = await establishmentWithDirector(testDb);
    const preview = () => previewRosterImport(viewer, { establishmentId: establishment.id, fileName: "mauvais.csv", bytes: FILE });
    const abandon = (importId: string, who = viewer) => abandonRosterImport(who, { establishmentId: establishment.id, importId, ip: null });
    return { establishment, viewer, preview, abandon };
  }

  it("deletes the import and its file, writes nothing to the roster, and audits the file's name", async () => {
    const { establishment, preview, abandon } = await setup();
    const { id } = await preview();
    const { storageKey } = await testDb.rosterImport.findUniqueOrThrow({ where: { id } });
    expect(await fileStorage().get(storageKey!)).not.toBeNull();

    await abandon(id);
    expect(await fileStorage().get(storageKey!)).toBeNull();

    expect(await testDb.rosterImport.count({ where: { id } })).toBe(0);
    expect(await testDb.professional.count({ where: { establishmentId: establishment.id } })).toBe(0);
    const audit = await testDb.auditEvent.findFirst({
      where: { action: "roster.import_abandoned", targetId: establishment.id },
      select: { details: true },
    });
    expect(audit?.details).toEqual({ importId: id, fileName: "mauvais.csv", lines: 1 });
    await expect(abandon(id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a recorded import, and another establishment's director as if the import did not exist", async () => {
    const { establishment, viewer, preview, abandon } = await setup();
    const { id } = await preview();
    const { director: stranger } = await establishmentWithDirector(testDb);
    await expect(abandon(id, stranger)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await testDb.rosterImport.count({ where: { id } })).toBe(1);

    await commitRosterImport(viewer, { establishmentId: establishment.id, importId: id, ip: null });
    await expect(abandon(id)).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: "Cet import a déjà été enregistré : il ne peut plus être abandonné.",
    });
    expect(await testDb.rosterImport.count({ where: { id } })).toBe(1);
  });
});
