import { beforeEach, describe, expect, it } from "vitest";
import { dossierReference } from "@/lib/applications/dossier-reference";
import { resetDatabase, testDb } from "@/test/integration/database";
import { createDraft, createEstablishment, createOpenWave, programmeManager } from "@/test/factories";
import { searchAuditLog, ZAuditFilters } from "./queries";
import { recordAudit } from "./record-audit";

describe("the audit log", () => {
  beforeEach(resetDatabase);

  it("names a dossier by its reference, and finds its entries by that reference as by its id", async () => {
    const manager = await programmeManager(testDb);
    const establishment = await createEstablishment(testDb);
    const { id } = await createDraft(testDb, establishment.id, await createOpenWave(testDb));
    const { number } = await testDb.application.findUniqueOrThrow({ where: { id }, select: { number: true } });
    await recordAudit(testDb, {
      actor: { id: null, label: "test" },
      action: "application.submitted",
      target: { type: "Application", id },
      ip: null,
    });
    const search = async (target: string) => (await searchAuditLog(manager, ZAuditFilters.parse({ target }))).events;

    const byReference = await search(dossierReference(number).toLowerCase());
    expect(byReference.map((event) => [event.targetId, event.targetReference])).toEqual([[id, dossierReference(number)]]);
    expect((await search(id)).map((event) => event.targetReference)).toEqual([dossierReference(number)]);
    expect(await search("HC-99999")).toEqual([]);
  });
});
