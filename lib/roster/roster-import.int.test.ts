import { beforeEach, describe, expect, it } from "vitest";
import { withRppsKey } from "@/lib/identifiers/rpps";
import { fileStorage } from "@/lib/storage";
import { resetDatabase, testDb } from "@/test/integration/database";
import { applyBulkAction } from "./bulk-actions";
import { formatDayFr, parisToday, toDay } from "./dates";
import { exportRoster } from "./export-roster";
import { insertProfessionals, loadStoredRoster } from "./roster-writes";
import type { ProfessionalRecord } from "./template/columns";
import { removeHomologation, setHomologation } from "./homologations";
import { templateCsv, type TemplateLine } from "./import/fixtures.test-helpers";
import { ROSTER_FILE_TOO_LARGE_ADVICE } from "./import/site-lines";
import { UPLOAD_LIMITS } from "@/lib/config/upload-limits";
import { formatFileSize } from "@/lib/attachments/file-size";
import { commitRosterImport, correctRosterImportLine, expireStaleImports, getRosterImport, previewRosterImport } from "./import-session";
import { listProfessionals, ZRosterFilters } from "./list-professionals";
import { professionalRecord } from "./professional-record.test-helpers";
import { toFormValues, ZProfessionalInput } from "./professional-schema";
import { createProfessional, updateProfessional } from "./save-professional";
import { establishmentWithDirector } from "@/test/factories";

const utf8 = (text: string) => new TextEncoder().encode(text);
const rpps = (index: number) => withRppsKey(String(2_000_000_000 + index));

/** `count` distinct good template lines, the i-th overridden by `changes(i)`. */
function lines(count: number, changes: (index: number) => TemplateLine = () => ({})): TemplateLine[] {
  return Array.from({ length: count }, (_, index) => ({ Nom: `NOM${index}`, Prénom: "Alex", RPPS: rpps(index), ...changes(index) }));
}

/** The roster's persistence on a real database: previews that write nothing, commits that write all or nothing. */
describe("roster imports and edits", () => {
  beforeEach(resetDatabase);

  async function setup() {
    const { establishment, director: viewer } = await establishmentWithDirector(testDb);
    const importText = (text: string) =>
      previewRosterImport(viewer, { establishmentId: establishment.id, fileName: "registre.csv", bytes: utf8(text) });
    const commit = (importId: string) => commitRosterImport(viewer, { establishmentId: establishment.id, importId, ip: null });
    return { establishment, viewer, importText, commit };
  }

  const professionals = () => testDb.professional.findMany({ orderBy: { lastName: "asc" }, include: { enrollments: true } });

  it("previews a file with a rejected line, writes nothing, then commits the valid lines in one go", async () => {
    const { establishment, importText, commit } = await setup();
    const preview = await importText(templateCsv([...lines(3), { RPPS: "1234", Nom: "FAUX" }]));
    expect(preview).toMatchObject({ lines: 4, creates: 3, updates: 0, unchanged: 0, rejectedCount: 1, errors: [], changed: [] });
    expect(preview.added.map((entry) => entry.line)).toEqual([2, 3, 4]);
    const rpps = "Ligne 5 : le numéro RPPS 1234 doit comporter 11 chiffres.";
    // The message is also given under the RPPS cell (the template's 7th column), where the correction form shows it.
    expect(preview.rejected).toEqual([{ line: 5, messages: [rpps], cellMessages: { 6: [rpps] }, cells: expect.any(Array) }]);
    expect(await testDb.professional.count()).toBe(0);

    await expect(commit(preview.id)).resolves.toEqual({ created: 3, updated: 0, unchanged: 0, rejected: 1 });
    const stored = await professionals();
    expect(stored.map((professional) => professional.lastName)).toEqual(["NOM0", "NOM1", "NOM2"]);
    expect(stored[0]!.enrollments.map((enrollment) => enrollment.type).sort()).toEqual(["E_CPS", "FIDO2_PSC"]);
    const row = await testDb.rosterImport.findUniqueOrThrow({ where: { id: preview.id } });
    expect(row).toMatchObject({ status: "COMMITTED", created: 3, rejected: 1, storageKey: null });
    expect(await testDb.auditEvent.count({ where: { action: "roster.imported", targetId: establishment.id } })).toBe(1);
  });

  it("warns, without rejecting, of an e-CPS on a line not registered in RPPS, read on the record as it will be stored", async () => {
    const { importText, commit } = await setup();
    await commit((await importText(templateCsv([{ Nom: "MARTIN", RPPS: rpps(1) }]))).id);
    const preview = await importText(
      templateCsv([
        // A blank RPPS never erases the stored number: MARTIN stays registered, his e-CPS counts.
        { Nom: "MARTIN", RPPS: "", "Statut RPPS": "Demande déposée" },
        { Nom: "DURAND", RPPS: "", "Statut RPPS": "Non enregistré" },
        { Nom: "PETIT", RPPS: rpps(2) },
      ]),
    );
    expect(preview).toMatchObject({ creates: 2, rejectedCount: 0 });
    expect(preview.warnings).toEqual([
      "La ligne 3 déclare une e-CPS ou une clé FIDO2 enrôlée dans Pro Santé Connect sans enregistrement au RPPS : ces moyens sont délivrés avec le numéro RPPS et ne compteront pas sans lui. Renseignez le numéro RPPS et le statut « Enregistré », ou importez ces lignes puis complétez les fiches.",
    ]);
  });

  it("writes nothing when the file cannot be read, and refuses to commit it", async () => {
    const { importText, commit } = await setup();
    const preview = await importText("Nom;Prénom\nDUPONT;Marie\n");
    expect(preview.errors[0]).toMatch(/colonne/i);
    await expect(commit(preview.id)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await testDb.professional.count()).toBe(0);
  });

  it("lets a rejected line be corrected in the preview and imports the correction", async () => {
    const { establishment, viewer, importText, commit } = await setup();
    const preview = await importText(templateCsv([...lines(1), { RPPS: "1234", Nom: "CORRIGE" }]));
    const rejected = preview.rejected[0]!;
    const cells = [...rejected.cells!];
    cells[preview.header!.indexOf("RPPS")] = rpps(99);
    const corrected = await correctRosterImportLine(viewer, {
      establishmentId: establishment.id,
      importId: preview.id,
      line: rejected.line,
      cells,
    });
    expect(corrected).toMatchObject({ creates: 2, rejectedCount: 0, correctedLines: [3] });
    // A page reload shows the same preview.
    expect(await getRosterImport(viewer, { establishmentId: establishment.id, importId: preview.id })).toMatchObject({
      creates: 2,
      rejectedCount: 0,
    });
    await commit(preview.id);
    expect((await professionals()).map((professional) => [professional.lastName, professional.rpps])).toEqual([
      ["CORRIGE", rpps(99)],
      ["NOM0", rpps(0)],
    ]);
  });

  it("shows the preview again from what it kept, without reading the file, which a correction and the commit read again", async () => {
    const { establishment, viewer, importText, commit } = await setup();
    const preview = await importText(templateCsv([...lines(3), { RPPS: "1234", Nom: "CORRIGE" }]));
    expect(preview).toMatchObject({ creates: 3, rejectedCount: 1 });
    // The stored file now says something else: a view that read it would show 1 creation.
    const { storageKey } = await testDb.rosterImport.findUniqueOrThrow({ where: { id: preview.id } });
    await fileStorage().put(storageKey!, utf8(templateCsv(lines(1))), "text/csv");
    const again = await getRosterImport(viewer, { establishmentId: establishment.id, importId: preview.id });
    expect(again).toEqual({ ...preview, computedAt: expect.any(Date) });
    expect(again.computedAt!.getTime()).toBe(preview.computedAt!.getTime());

    // Line 5 is no longer in the file: a correction reads the file as it is, with the correction.
    const cells = [...preview.rejected[0]!.cells!];
    cells[preview.header!.indexOf("RPPS")] = rpps(99);
    const corrected = await correctRosterImportLine(viewer, { establishmentId: establishment.id, importId: preview.id, line: 5, cells });
    expect(corrected).toMatchObject({ lines: 1, creates: 1, rejectedCount: 0, correctedLines: [5] });
    await expect(commit(preview.id)).resolves.toMatchObject({ created: 1 });
    // The summary names people: it goes with the file.
    expect(await testDb.rosterImport.findUniqueOrThrow({ where: { id: preview.id } })).toMatchObject({ storageKey: null, summary: null });
  });

  it("re-imports its own export without changing anything, and a file changing 10 lines changes exactly those", async () => {
    const { establishment, viewer, importText, commit } = await setup();
    await commit((await importText(templateCsv(lines(30)))).id);
    const before = await professionals();

    const exported = await exportRoster(viewer, { establishmentId: establishment.id, format: "csv", ip: null });
    const again = await previewRosterImport(viewer, {
      establishmentId: establishment.id,
      fileName: exported.fileName,
      bytes: new Uint8Array(exported.bytes),
    });
    expect(again).toMatchObject({ creates: 0, updates: 0, unchanged: 30, rejectedCount: 0, warnings: [], errors: [] });
    // The export's verdicts at today's Paris day follow the template's columns; the import skipped them silently.
    const [header, first] = new TextDecoder().decode(exported.bytes).split("\r\n");
    expect(header).toMatch(/;MIE;Calculé : situation au;Calculé : activité;/);
    expect(first).toContain(`;${formatDayFr(toDay(parisToday()))};En activité;MIE conforme;`);
    await commit(again.id);

    const changed = new Set([1, 4, 5, 9, 12, 17, 20, 22, 27, 29]);
    const edited = await importText(
      templateCsv(lines(30, (index) => (changed.has(index) ? { "Besoin DMP": "Non", MIE: "CPS:2024-01-10:2027-01-10" } : {}))),
    );
    expect(edited).toMatchObject({ creates: 0, updates: 10, unchanged: 20, added: [] });
    // The preview names who changes, and what, before anything is written.
    expect(edited.changed).toHaveLength(10);
    expect(edited.changed[0]).toEqual({ line: 3, name: expect.stringMatching(/^NOM1 /), columns: ["Besoin DMP", "MIE"] });
    await commit(edited.id);

    const after = new Map((await professionals()).map((professional) => [professional.id, professional]));
    for (const professional of before) {
      const now = after.get(professional.id)!;
      const index = Number(professional.lastName.slice(3));
      expect(now.version).toBe(changed.has(index) ? professional.version + 1 : professional.version);
      expect(now.enrollments.map((enrollment) => enrollment.type).sort()).toEqual(changed.has(index) ? ["CPS"] : ["E_CPS", "FIDO2_PSC"]);
    }
    expect(after.size).toBe(30);
  });

  it("writes an import larger than one statement whole, and updates it whole", async () => {
    const { importText, commit } = await setup();
    // More lines than a statement takes (2,000), and twice as many MIE enrolments.
    const count = 5_001;
    expect(await commit((await importText(templateCsv(lines(count)))).id)).toEqual({
      created: count,
      updated: 0,
      unchanged: 0,
      rejected: 0,
    });
    expect(await testDb.mieEnrollment.count()).toBe(2 * count);
    const edited = await importText(templateCsv(lines(count, () => ({ MIE: "CPS:2024-01-10:2027-01-10" }))));
    expect(await commit(edited.id)).toEqual({ created: 0, updated: count, unchanged: 0, rejected: 0 });
    expect(await testDb.mieEnrollment.groupBy({ by: ["type"], _count: true })).toEqual([{ type: "CPS", _count: count }]);
    expect(await testDb.professional.count({ where: { version: 2 } })).toBe(count);
  });

  it("recognises a person without RPPS number by name and birth date, whatever the accents and case", async () => {
    const { importText, commit } = await setup();
    await commit(
      (
        await importText(
          templateCsv([{ Nom: "Lefèvre", Prénom: "Ève-Marie", RPPS: "", "Statut RPPS": "", "Date de naissance": "02/03/1990" }]),
        )
      ).id,
    );
    const preview = await importText(
      templateCsv([{ Nom: "LEFEVRE", Prénom: "EVE MARIE", RPPS: rpps(7), "Date de naissance": "02/03/1990" }]),
    );
    expect(preview).toMatchObject({ creates: 0, updates: 1 });
    await commit(preview.id);
    expect((await professionals()).map((professional) => [professional.lastName, professional.rpps, professional.rppsStatus])).toEqual([
      ["LEFEVRE", rpps(7), "REGISTERED"],
    ]);
  });

  it("rolls the whole import back when the database refuses one row, and the import can be committed again", async () => {
    const { importText, commit, viewer } = await setup();
    const director = async () => viewer;
    const preview = await importText(templateCsv(lines(5, (index) => (index === 3 ? { Nom: "REFUSE" } : {}))));
    await testDb.$executeRawUnsafe(`
      CREATE FUNCTION refuse_one() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW."lastName" = 'REFUSE' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$`);
    await testDb.$executeRawUnsafe(`CREATE TRIGGER refuse_one BEFORE INSERT ON "Professional" FOR EACH ROW EXECUTE FUNCTION refuse_one()`);
    try {
      // Not the director's fault: said plainly, with the preview kept for another try.
      await expect(commit(preview.id)).rejects.toMatchObject({
        code: "UNAVAILABLE",
        message: expect.stringContaining("pas à cause de votre fichier"),
      });
      await expect(
        getRosterImport(await director(), { establishmentId: preview.establishmentId, importId: preview.id }),
      ).resolves.toMatchObject({ status: "PREVIEWED", creates: 5 });
      expect(await testDb.professional.count()).toBe(0);
      expect(await testDb.mieEnrollment.count()).toBe(0);
      expect(await testDb.rosterImport.findUniqueOrThrow({ where: { id: preview.id } })).toMatchObject({ status: "PREVIEWED" });
    } finally {
      await testDb.$executeRawUnsafe(`DROP TRIGGER refuse_one ON "Professional"`);
      await testDb.$executeRawUnsafe(`DROP FUNCTION refuse_one()`);
    }
    await expect(commit(preview.id)).resolves.toMatchObject({ created: 5 });
  });

  it("refuses a NUL byte or another control character at the preview, on its line, and takes the line once corrected", async () => {
    const { importText, commit, viewer, establishment } = await setup();
    const preview = await importText(
      templateCsv(lines(3, (index) => (index === 1 ? { Nom: "NOM\u0000X" } : index === 2 ? { Prénom: "Al\u001bex" } : {}))),
    );
    expect(preview.rejected.map((line) => [line.line, line.messages])).toEqual([
      [
        3,
        [
          "Ligne 3 : la colonne « Nom » contient un caractère nul invisible (U+0000) : supprimez-le dans le fichier ou corrigez la ligne ici.",
        ],
      ],
      [
        4,
        [
          "Ligne 4 : la colonne « Prénom » contient un caractère de contrôle invisible (U+001B) : supprimez-le dans le fichier ou corrigez la ligne ici.",
        ],
      ],
    ]);
    // The correction form starts from the line without the invisible character.
    const cells = preview.rejected[0]!.cells!;
    expect(cells).toContain("NOMX");
    const corrected = await correctRosterImportLine(viewer, { establishmentId: establishment.id, importId: preview.id, line: 3, cells });
    expect(corrected.rejected.map((line) => line.line)).toEqual([4]);
    await expect(commit(preview.id)).resolves.toMatchObject({ created: 2, rejected: 1 });
    expect((await professionals()).map((professional) => professional.lastName)).toEqual(["NOM0", "NOMX"]);
  });

  it("commits an import once, however many times it is sent", async () => {
    const { importText, commit } = await setup();
    const preview = await importText(templateCsv(lines(2)));
    const results = await Promise.allSettled([commit(preview.id), commit(preview.id)]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await testDb.professional.count()).toBe(2);
  });

  it("applies a bulk action to all the selected professionals or, when one cannot take it, to none", async () => {
    const { establishment, viewer, importText, commit } = await setup();
    await commit(
      (await importText(templateCsv([...lines(2), { Nom: "SANSRPPS", RPPS: "", "Statut RPPS": "", "Date de naissance": "01/01/1980" }])))
        .id,
    );
    const all = await professionals();
    const ids = all.map((professional) => professional.id);
    const refused = await applyBulkAction(viewer, {
      establishmentId: establishment.id,
      action: { action: "MARK_REGISTERED", ids, checkedAt: "2026-11-01" },
      ip: null,
    });
    expect(refused).toEqual({
      done: 0,
      unchanged: 0,
      refused: [
        {
          id: all.find((professional) => professional.lastName === "SANSRPPS")!.id,
          message: "Marie SANSRPPS n'a pas de numéro RPPS : saisissez-le dans sa fiche.",
        },
      ],
    });
    expect((await professionals()).map((professional) => professional.version)).toEqual(all.map((professional) => professional.version));

    const done = await applyBulkAction(viewer, {
      establishmentId: establishment.id,
      action: { action: "END_ACTIVITY", ids, activityEnd: "2026-12-31" },
      ip: null,
    });
    expect(done).toEqual({ done: 3, unchanged: 0, refused: [] });
    expect((await professionals()).every((professional) => professional.activityEnd?.toISOString().startsWith("2026-12-31"))).toBe(true);
  });

  it("counts and journals only the professionals a MIE was added to", async () => {
    const { establishment, viewer, importText, commit } = await setup();
    await commit((await importText(templateCsv(lines(3)))).id);
    const ids = (await professionals()).map((professional) => professional.id);
    const addKey = (selected: string[]) =>
      applyBulkAction(viewer, {
        establishmentId: establishment.id,
        action: { action: "ADD_MIE", ids: selected, type: "FIDO2_LOCAL", enrolledAt: "2026-11-01" },
        ip: null,
      });
    const journal = () =>
      testDb.auditEvent.findMany({
        where: { action: "roster.bulk_action", targetId: establishment.id },
        orderBy: { id: "asc" },
        select: { details: true },
      });

    expect(await addKey(ids.slice(0, 1))).toEqual({ done: 1, unchanged: 0, refused: [] });
    expect(await addKey(ids)).toEqual({ done: 2, unchanged: 1, refused: [] });
    expect((await journal()).map((event) => (event.details as { count: number }).count)).toEqual([1, 2]);

    // All of them have it now: nothing is written.
    expect(await addKey(ids)).toEqual({ done: 0, unchanged: 3, refused: [] });
    expect(await journal()).toHaveLength(2);
    expect(await testDb.mieEnrollment.count({ where: { type: "FIDO2_LOCAL" } })).toBe(3);
  });

  it("adds a renewed card when the one held has expired by the new enrollment, not while it is still valid", async () => {
    const { establishment, viewer, importText, commit } = await setup();
    const held = ["CPS:2023-01-01:2026-11-01", "CPS:2023-01-01:2026-11-02", "CPS:2023-01-01::2026-06-01"];
    await commit((await importText(templateCsv(lines(3, (index) => ({ MIE: held[index] }))))).id);
    const all = await professionals();
    const addCard = () =>
      applyBulkAction(viewer, {
        establishmentId: establishment.id,
        action: { action: "ADD_MIE", ids: all.map((professional) => professional.id), type: "CPS", enrolledAt: "2026-11-01" },
        ip: null,
      });

    // NOM0's card expired that day, NOM2's was revoked: both get the new one; NOM1's is still valid.
    expect(await addCard()).toEqual({ done: 2, unchanged: 1, refused: [] });
    const cards = await testDb.mieEnrollment.findMany({
      where: { type: "CPS", enrolledAt: new Date("2026-11-01T00:00:00Z") },
      select: { professional: { select: { lastName: true } } },
    });
    expect(cards.map((card) => card.professional.lastName).sort()).toEqual(["NOM0", "NOM2"]);
  });

  it("refuses a change made on a stale copy of a professional's record", async () => {
    const { establishment, viewer } = await setup();
    const input = ZProfessionalInput.parse(toFormValues(professionalRecord({ rpps: rpps(1) })));
    const { id } = await createProfessional(viewer, { establishmentId: establishment.id, professional: input, ip: null });
    await updateProfessional(viewer, {
      establishmentId: establishment.id,
      professionalId: id,
      expectedVersion: 1,
      professional: { ...input, firstName: "Léa-Rose" },
      ip: null,
    });
    await expect(
      updateProfessional(viewer, {
        establishmentId: establishment.id,
        professionalId: id,
        expectedVersion: 1,
        professional: { ...input, firstName: "Lea" },
        ip: null,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(createProfessional(viewer, { establishmentId: establishment.id, professional: input, ip: null })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { rpps: ["Ce numéro RPPS est déjà celui de Léa-Rose MARTIN dans le registre."] },
    });
  });

  it("refuses a second record of a person without an RPPS number, even sent five times at once", async () => {
    const { establishment, viewer } = await setup();
    const input = ZProfessionalInput.parse(
      toFormValues(professionalRecord({ rpps: null, rppsStatus: "NOT_REGISTERED", birthDate: new Date("1985-03-02T00:00:00Z") })),
    );
    const attempts = await Promise.allSettled(
      Array.from({ length: 5 }, () => createProfessional(viewer, { establishmentId: establishment.id, professional: input, ip: null })),
    );
    expect(attempts.filter((attempt) => attempt.status === "fulfilled")).toHaveLength(1);
    // Spelt another way, the same person is recognised as an import would recognise them.
    await expect(
      createProfessional(viewer, {
        establishmentId: establishment.id,
        professional: { ...input, lastName: input.lastName.toLowerCase(), firstName: ` ${input.firstName.toUpperCase()}` },
        ip: null,
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: {
        lastName: [
          `Le registre compte déjà ${input.firstName} ${input.lastName}, avec la même date de naissance : complétez sa fiche plutôt que d'en créer une seconde.`,
        ],
      },
    });
    expect(await testDb.professional.count({ where: { establishmentId: establishment.id } })).toBe(1);
  });

  it("lists a large roster page by page, sorted and filtered by the database", async () => {
    const { establishment, viewer, importText, commit } = await setup();
    await commit(
      (
        await importText(
          templateCsv(
            lines(60, (index) => ({ Nom: `N${String(index).padStart(2, "0")}`, Population: index % 3 === 0 ? "Intérimaire" : "Salarié" })),
          ),
        )
      ).id,
    );
    const page = await listProfessionals(
      viewer,
      establishment.id,
      ZRosterFilters.parse({ population: "TEMPORARY", sort: "name", dir: "desc", page: "2", size: "25" }),
    );
    expect(page).toMatchObject({ total: 20, rosterSize: 60, page: 1, pageCount: 1 });
    const first = await listProfessionals(viewer, establishment.id, ZRosterFilters.parse({ sort: "name", dir: "desc", page: "2" }));
    expect(first.rows.map((row) => row.lastName).slice(0, 2)).toEqual(["N34", "N33"]);
    expect(first.rows[0]).toMatchObject({ rppsStatus: "Enregistré", verdict: { active: true } });
    const search = await listProfessionals(viewer, establishment.id, ZRosterFilters.parse({ q: rpps(42).slice(0, 11) }));
    expect(search.rows.map((row) => row.lastName)).toEqual(["N42"]);
  });

  it("imports the Annuaire Santé extract: the site's lines only, registered and checked on the extract's date, an existing professional updated", async () => {
    const { establishment, viewer, importText, commit } = await setup();
    await commit(
      (
        await importText(
          templateCsv([
            { Nom: "LEFEVRE", Prénom: "Hélène", RPPS: rpps(1), "Besoin DMP": "Oui" },
            { Nom: "BENOIT", Prénom: "Edith", RPPS: rpps(5), "Code profession": "313", "Besoin DMP": "Non" },
          ]),
        )
      ).id,
    );
    const header = [
      "Type d'identifiant PP",
      "Identifiant PP",
      "Identification nationale PP",
      "Nom d'exercice",
      "Prénom d'exercice",
      "Code profession",
      "Code catégorie professionnelle",
      "Code mode exercice",
      "Numéro FINESS site",
      "Numéro FINESS établissement juridique",
    ];
    const line = (cells: string[]) => `${cells.join("|")}|`;
    const extract = [
      line(header),
      line(["8", rpps(1), `8${rpps(1)}`, "LEFÈVRE", "Hélène", "10", "C", "S", establishment.finessEt, establishment.finessEj]),
      line(["8", rpps(2), `8${rpps(2)}`, "MOREAU", "Léa", "60", "C", "L", establishment.finessEt, establishment.finessEj]),
      // A second activity at the same site: one professional, two lines.
      line(["8", rpps(2), `8${rpps(2)}`, "MOREAU", "Léa", "60", "C", "L", establishment.finessEt, establishment.finessEj]),
      line(["8", rpps(3), `8${rpps(3)}`, "AILLEURS", "Paul", "60", "C", "S", "130783236", "130783236"]),
      line(["8", rpps(4), `8${rpps(4)}`, "BENEVOLE", "Anne", "60", "C", "B", establishment.finessEt, establishment.finessEj]),
      // RPPS+ (profession 99), already in the roster as an aide-soignante: the classic extract gives no role.
      line(["8", rpps(5), `8${rpps(5)}`, "BENOIT", "Édith", "99", "C", "S", establishment.finessEt, establishment.finessEj]),
    ].join("\n");
    const preview = await previewRosterImport(viewer, {
      establishmentId: establishment.id,
      fileName: "PS_LibreAcces_Personne_activite_202610010815.txt",
      bytes: utf8(extract),
    });
    expect(preview).toMatchObject({
      formatLabel: "extrait de l'Annuaire Santé",
      lines: 5,
      creates: 1,
      updates: 2,
      rejectedCount: 1,
      header: null,
    });
    // The counter and the note count the same lines of the file.
    expect(preview.notes).toContain(
      `Extraction de l'Annuaire Santé : 5 lignes pour le FINESS ${establishment.finessEt}, soit 4 professionnels (1 sur plusieurs lignes, une par site ou activité, regroupées).`,
    );
    expect(preview.rejected[0]!.messages[0]).toMatch(/^Ligne 6 : BENEVOLE Anne n'est pas encore dans le registre/);
    await commit(preview.id);
    const stored = await professionals();
    expect(
      stored.map((professional) => [
        professional.lastName,
        professional.professionCode,
        professional.population,
        professional.needsDmp,
        professional.rppsCheckedAt?.toISOString().slice(0, 10),
      ]),
    ).toEqual([
      ["BENOIT", "313", "SALARIED", false, "2026-10-01"],
      ["LEFÈVRE", "10", "SALARIED", true, "2026-10-01"],
      ["MOREAU", "60", "SELF_EMPLOYED", false, "2026-10-01"],
    ]);
  });

  it("counts a local MIE for the RIE only once the establishment has homologated it", async () => {
    const { establishment, viewer, importText, commit } = await setup();
    await commit((await importText(templateCsv([{ MIE: "PLATFORM_AUTH:2026-02-01" }]))).id);
    const verdict = async () => (await listProfessionals(viewer, establishment.id, ZRosterFilters.parse({}))).rows[0]!.verdict.rieCompliant;
    expect(await verdict()).toBe(false);
    await setHomologation(viewer, {
      establishmentId: establishment.id,
      homologation: { type: "PLATFORM_AUTH", decidedAt: "2026-03-01", reference: "Décision 4/2026" },
      ip: null,
    });
    expect(await verdict()).toBe(true);
    // The page shows the decision it read with its rows, under the establishment's name.
    expect((await listProfessionals(viewer, establishment.id, ZRosterFilters.parse({}))).establishment).toEqual({
      name: establishment.name,
      homologations: [{ type: "PLATFORM_AUTH", decidedAt: new Date("2026-03-01"), reference: "Décision 4/2026" }],
    });
    const latest = await testDb.indicatorSnapshot.findFirstOrThrow({
      where: { establishmentId: establishment.id },
      orderBy: { takenAt: "desc" },
    });
    expect(latest.rieCompliant).toBe(1);
    await removeHomologation(viewer, { establishmentId: establishment.id, type: "PLATFORM_AUTH", ip: null });
    expect(await verdict()).toBe(false);
    await expect(removeHomologation(viewer, { establishmentId: establishment.id, type: "PLATFORM_AUTH", ip: null })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("refuses a file over the cap with what a director can do, never by advising pieces the import cannot read", async () => {
    const { establishment, viewer } = await setup();
    const refusal: unknown = await previewRosterImport(viewer, {
      establishmentId: establishment.id,
      fileName: "PS_LibreAcces_Personne_activite_202612010815.txt",
      bytes: new Uint8Array(UPLOAD_LIMITS.rosterImportBytes + 1),
    }).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    const message = (refusal as Error).message;
    expect(message).toBe(
      `Le fichier « PS_LibreAcces_Personne_activite_202612010815.txt » dépasse la taille maximale de ${formatFileSize(UPLOAD_LIMITS.rosterImportBytes)}. ${ROSTER_FILE_TOO_LARGE_ADVICE}`,
    );
    expect(message).not.toMatch(/découpez/i);
  });

  it("drops the file of a preview left uncommitted for a week, which then cannot be committed", async () => {
    const { establishment, viewer, importText, commit } = await setup();
    const preview = await importText(templateCsv(lines(1)));
    expect(await expireStaleImports(new Date(Date.now() + 6 * 86_400_000))).toBe(0);
    expect(await expireStaleImports(new Date(Date.now() + 8 * 86_400_000))).toBe(1);
    expect(await testDb.rosterImport.findUniqueOrThrow({ where: { id: preview.id } })).toMatchObject({
      status: "FAILED",
      storageKey: null,
    });
    expect(await getRosterImport(viewer, { establishmentId: establishment.id, importId: preview.id })).toMatchObject({ expired: true });
    await expect(commit(preview.id)).rejects.toMatchObject({ code: "INVALID_STATE", message: expect.stringMatching(/expiré/) });
    expect(await testDb.professional.count()).toBe(0);
  });

  it("filters a roster larger than PostgreSQL's bind-parameter limit on the verdict", async () => {
    const { establishment, viewer } = await setup();
    const record = (index: number): ProfessionalRecord => ({
      lastName: `N${String(index).padStart(5, "0")}`,
      firstName: "Alex",
      birthDate: null,
      population: "SALARIED",
      professionCode: "60",
      category: "CIVIL",
      rpps: rpps(index),
      rppsStatus: "REGISTERED",
      rppsCheckedAt: null,
      identityVerification: "FRANCECONNECT_PLUS",
      activityStart: new Date("2020-01-01T00:00:00Z"),
      activityEnd: null,
      needsDmp: true,
      needsDpi: false,
      needsPscServices: false,
      needsSecureMessaging: false,
      enrollments:
        index % 10 === 0 ? [{ type: "E_CPS", enrolledAt: new Date("2025-01-01T00:00:00Z"), expiresAt: null, revokedAt: null }] : [],
    });
    await insertProfessionals(
      testDb,
      establishment.id,
      Array.from({ length: 36_000 }, (_, index) => record(index)),
    );
    const page = await listProfessionals(
      viewer,
      establishment.id,
      ZRosterFilters.parse({ compliance: "non-conformes-rie", sort: "name", dir: "desc", page: "2" }),
    );
    expect(page).toMatchObject({ total: 32_400, rosterSize: 36_000, page: 2 });
    expect(page.rows.map((row) => row.lastName).slice(0, 3)).toEqual(["N35972", "N35971", "N35969"]);
    expect(page.rows.every((row) => row.verdict.rieCompliant === false)).toBe(true);
    // A re-import compares with every stored professional and their enrolments.
    const stored = await loadStoredRoster(testDb, establishment.id);
    expect(stored).toHaveLength(36_000);
    expect(stored.filter((professional) => professional.enrollments.length === 1)).toHaveLength(3_600);
  }, 120_000);
});
