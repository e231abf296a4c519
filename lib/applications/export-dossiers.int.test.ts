import { beforeEach, describe, expect, it } from "vitest";
import { createReviewWave, createSubmittedDossier, programmeManager } from "@/test/factories";
import { resetDatabase, testDb } from "@/test/integration/database";
import { dossierExportPages, exportDossiers } from "./export-dossiers";
import { listDossiers, ZDossierFilters } from "./list-dossiers";

/** The streamed export reads keyset pages: every dossier once, in the list's order, whatever the sort. */
describe("the streamed dossier export", () => {
  beforeEach(resetDatabase);

  async function dossiers(count: number) {
    const wave = await createReviewWave(testDb);
    const names = ["Zéphyr", "Alpha", "Mistral", "Alpha", "Borée", "Sirocco", "Alizé"];
    for (let index = 0; index < count; index++)
      await createSubmittedDossier(testDb, wave, { name: `EHPAD ${names[index % names.length]}`, regionCode: index % 2 ? "84" : "75" });
    return wave;
  }

  it.each(["recent", "establishment", "state"] as const)(
    "gives every dossier once, in the list's order, by pages of 2 (sort: %s)",
    async (sort) => {
      await dossiers(7);
      const manager = await programmeManager(testDb);
      const filters = ZDossierFilters.parse({ sort });
      const list = await listDossiers(manager, filters);
      const exported: string[] = [];
      for await (const page of dossierExportPages(filters, 2)) exported.push(...page.map((cells) => `${cells[1]}`));
      expect(exported).toEqual(list.rows.map((row) => row.establishment.finessEt));
      expect(exported).toHaveLength(7);
    },
  );

  it("streams a CSV with the filters applied, and records who took it", async () => {
    await dossiers(4);
    const manager = await programmeManager(testDb);
    const file = await exportDossiers(manager, { ...ZDossierFilters.parse({ region: "84" }), format: "csv", ip: "203.0.113.9" });
    const text = await new Response(file.stream).text();
    const lines = text.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe(
      "Établissement;FINESS;Catégorie;Région;Vague;État;Projet;Budget demandé (€);Déposé le;Décision;Montant accordé (€)",
    );
    expect(lines.slice(1)).toHaveLength(2);
    expect(lines.slice(1).every((line) => line.includes(";Auvergne-Rhône-Alpes;") && line.includes(";12500;"))).toBe(true);
    const audit = await testDb.auditEvent.findFirstOrThrow({ where: { action: "dossiers.exported", actorId: manager.userId } });
    expect(audit).toMatchObject({ ip: "203.0.113.9", details: { format: "csv", filters: { region: "84", sort: "recent" } } });
  });
});
