import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it } from "vitest";
import { createReviewer, createReviewWave, createScoredDossier, createSubmittedDossier, programmeManager } from "@/test/factories";
import { resetDatabase, testDb } from "@/test/integration/database";
import { streamTable } from "@/lib/export/stream-table";
import { dossierExportTable, exportDossiers } from "./export-dossiers";
import { listDossiers, ZDossierFilters } from "./list-dossiers";

const csvLinesOf = async (stream: ReadableStream<Uint8Array>) => (await new Response(stream).text()).replace(/^\uFEFF/, "").split("\r\n");

/** The streamed export reads the list's ids once, then their rows a page at a time: every dossier once, in the list's order, whatever the sort. */
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
      for await (const page of (await dossierExportTable(filters, 2)).pages) exported.push(...page.map((cells) => `${cells[2]}`));
      expect(exported).toEqual(list.rows.map((row) => row.establishment.finessEt));
      expect(exported).toHaveLength(7);
    },
  );

  it.each(["recent", "state"] as const)("writes each dossier once when one is saved while the file is written (sort: %s)", async (sort) => {
    await dossiers(7);
    const manager = await programmeManager(testDb);
    const filters = ZDossierFilters.parse({ sort });
    const listed = (await listDossiers(manager, filters)).rows.map((row) => row.establishment.finessEt);
    const exported: string[] = [];
    for await (const page of (await dossierExportTable(filters, 2)).pages) {
      if (exported.length === 0) {
        // The page's last dossier changes: to the top of the « recent » order, and to another state.
        const finess = `${page.at(-1)![2]}`;
        await testDb.application.updateMany({
          where: { establishment: { finessEt: finess } },
          data: { projectTitle: "Titre modifié", state: "UNDER_REVIEW", updatedAt: new Date() },
        });
      }
      exported.push(...page.map((cells) => `${cells[2]}`));
    }
    expect(exported).toEqual(listed);
  });

  it("streams a CSV with the filters applied, and records who took it", async () => {
    await dossiers(4);
    const manager = await programmeManager(testDb);
    const file = await exportDossiers(manager, { ...ZDossierFilters.parse({ region: "84" }), format: "csv", ip: "203.0.113.9" });
    expect(file.fileName).toMatch(/^dossiers-hospiconnect-auvergne-rhone-alpes-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = await csvLinesOf(file.stream);
    expect(
      lines[0]!.startsWith(
        "Référence;Établissement;FINESS;Catégorie;Région;Vague;État;Déposé le (heure de Paris);Empreinte du dépôt (SHA-256);Projet;",
      ),
    ).toBe(true);
    expect(lines.slice(1)).toHaveLength(2);
    expect(lines.slice(1).every((line) => line.includes(";Auvergne-Rhône-Alpes;") && line.includes(";12500,00;"))).toBe(true);
    const audit = await testDb.auditEvent.findFirstOrThrow({ where: { action: "dossiers.exported", actorId: manager.userId } });
    expect(audit).toMatchObject({ ip: "203.0.113.9", details: { format: "csv", rows: 2, filters: { region: "84", sort: "recent" } } });
  });

  it("refuses a direct download above the background threshold, and records nothing", async () => {
    await dossiers(3);
    const manager = await programmeManager(testDb);
    await expect(exportDossiers(manager, { ...ZDossierFilters.parse({}), format: "csv", ip: null, threshold: 2 })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringContaining("arrière-plan"),
    });
    expect(await testDb.auditEvent.count({ where: { action: "dossiers.exported", actorId: manager.userId } })).toBe(0);
  });
});

/** Every part of the dossier, its frozen figures, its reviews' aggregates and its released decision – never a staged one. */
describe("the dossier export's columns", () => {
  beforeEach(resetDatabase);

  async function scoredWave() {
    const wave = await createReviewWave(testDb);
    const [first, second] = [await createReviewer(testDb), await createReviewer(testDb)];
    const reviews = [
      { reviewerId: first.userId, value: 3 },
      { reviewerId: second.userId, value: 5 },
    ];
    const released = await createScoredDossier(testDb, wave, reviews, { name: '=HYPERLINK("http://x") Centre' });
    const staged = await createScoredDossier(testDb, wave, reviews, { name: "Clinique Sirocco" });
    await testDb.decision.create({
      data: {
        applicationId: released.id,
        waveId: wave.waveId,
        outcome: "SELECTED",
        amountGrantedCents: 1_000_000n,
        releasedAt: new Date("2027-01-15T10:00:00Z"),
      },
    });
    await testDb.decision.create({
      data: { applicationId: staged.id, waveId: wave.waveId, outcome: "SELECTED", amountGrantedCents: 900_000n },
    });
    await testDb.submission.create({
      data: {
        applicationId: released.id,
        idempotencyKey: crypto.randomUUID(),
        contentHash: "ab".repeat(32),
        receivedAt: new Date("2026-11-20T09:30:00Z"),
      },
    });
    await testDb.indicatorSnapshot.create({
      data: {
        establishmentId: released.establishment.id,
        applicationId: released.id,
        reason: "SUBMISSION",
        takenAt: new Date("2026-11-20T09:30:00Z"),
        active: 40,
        registered: 38,
        substantialId: 30,
        rieCompliant: 25,
        dmpReady: 12,
      },
    });
    return { wave, released, staged };
  }

  async function exportedRows() {
    const table = await dossierExportTable(ZDossierFilters.parse({ sort: "establishment" }));
    const rows: Array<Record<string, unknown>> = [];
    for await (const page of table.pages)
      for (const cells of page) rows.push(Object.fromEntries(table.columns.map((column, index) => [column.label, cells[index]])));
    return { columns: table.columns, rows };
  }

  it("gives every section, the self-assessment per objective, the frozen indicators, the review aggregates and the released decision", async () => {
    await scoredWave();
    const { columns, rows } = await exportedRows();
    expect(columns.map((column) => column.label)).toEqual(
      expect.arrayContaining([
        "Objectif O1 (Enregistrement et identité de l'ensemble des professionnels) : auto-évaluation",
        "Objectif O4 : explication",
        "Budget : Équipement (clés, lecteurs, smartphones)",
      ]),
    );
    const [released, staged] = rows;
    expect(released).toMatchObject({
      Établissement: '=HYPERLINK("http://x") Centre',
      // Dates as dates: a spreadsheet sorts and filters them (written as Paris clocks show them).
      "Déposé le (heure de Paris)": new Date("2026-11-20T09:30:00Z"),
      "Empreinte du dépôt (SHA-256)": "ab".repeat(32),
      Projet: "Identification sécurisée des professionnels",
      "Résumé du projet": "Enrôlement e-CPS de tous les salariés et clés FIDO2 pour les intérimaires.",
      "Stratégie MIE": "Salariés (40) : e-CPS",
      "Professionnels couverts par la stratégie MIE": 40,
      "Gestion des identités et SSO": "SSO interne, connecteur OIDC du DUI.",
      "Fédération avec Pro Santé Connect": "Pas en 2026 : priorité au 2FA.",
      Calendrier: "15/12/2026 : Inventaire",
      "Budget demandé": 1_250_000n,
      "Budget : Équipement (clés, lecteurs, smartphones)": 1_250_000n,
      "Budget : Licences logicielles": 0n,
      "Objectif O1 (Enregistrement et identité de l'ensemble des professionnels) : auto-évaluation": "En cours",
      "Objectif O1 : échéance": "2027-06-30",
      "Objectif O1 : explication": "Enrôlement en cours.",
      "Objectif O3 : échéance": null,
      "Indicateurs figés le": "2026-11-20",
      "Professionnels en activité (au dépôt)": 40,
      "Enregistrés au RPPS (au dépôt)": 38,
      "Identité vérifiée au niveau substantiel (au dépôt)": 30,
      "Équipés d'un MIE conforme au RIE (au dépôt)": 25,
      "En mesure d'accéder au DMP (au dépôt)": 12,
      // Every criterion noted 3 then 5 out of 5: totals of 60 and 100.
      "Évaluations remises": 2,
      "Note brute (sur 100)": 80,
      "Moyenne des évaluations (sur 100)": 80,
      "Médiane des évaluations (sur 100)": 80,
      "Écart-type des évaluations": 20,
      "Écart entre les évaluations extrêmes": 40,
      "À discuter": "Oui",
      Décision: "Retenu",
      "Montant accordé": 1_000_000n,
      "Décision publiée le": "2027-01-15",
    });
    expect(released!["Partenaires technologiques"]).toMatch(/^Éditeur IAM \(Éditeur IAM \/ SSO\) – SIRET \d{14}$/);
    // A staged proposal is the programme's own until the wave's release.
    expect(staged).toMatchObject({ Décision: "", "Montant accordé": null, "Décision publiée le": null, "Indicateurs figés le": null });
  });

  it("writes the same rows formula-safe in CSV and XLSX", async () => {
    await scoredWave();
    const filters = ZDossierFilters.parse({ sort: "establishment" });
    const csv = await dossierExportTable(filters);
    const lines = await csvLinesOf(streamTable("csv", csv.columns, csv.pages, "Dossiers"));
    expect(lines[1]).toMatch(/^HC-\d{5};"'=HYPERLINK\(""http:\/\/x""\) Centre";/);
    expect(lines[1]).toContain(";80;80;80;20;40;Oui;Retenu;10000,00;15/01/2027");

    const xlsx = await dossierExportTable(filters);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      Buffer.from(await new Response(streamTable("xlsx", xlsx.columns, xlsx.pages, "Dossiers")).arrayBuffer()) as never,
    );
    const sheet = workbook.getWorksheet("Dossiers")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const cell = (label: string) => sheet.getRow(2).getCell(header.indexOf(label) + 1);
    // A string cell, never evaluated: the name as typed, without the CSV's protective quote.
    expect(cell("Établissement").value).toBe('=HYPERLINK("http://x") Centre');
    expect(cell("Établissement").formula).toBeUndefined();
    expect(cell("Moyenne des évaluations (sur 100)").value).toBe(80);
    expect(cell("Moyenne des évaluations (sur 100)").numFmt).toBe("0.0");
    expect(cell("Montant accordé (€)").value).toBe(10_000);
    expect(sheet.getRow(3).getCell(header.indexOf("Montant accordé (€)") + 1).value).toBeNull();
    // Dates are dates, the deposit at the minute Paris clocks showed.
    expect(cell("Déposé le (heure de Paris)").value).toEqual(new Date("2026-11-20T10:30:00Z"));
    expect(cell("Déposé le (heure de Paris)").numFmt).toBe("dd/mm/yyyy hh:mm");
    expect(cell("Décision publiée le").value).toEqual(new Date("2027-01-15T00:00:00Z"));
  });
});
