import { describe, expect, it } from "vitest";
import { withRppsKey } from "@/lib/identifiers/rpps";
import { planRosterImport, type StoredProfessional } from "./import-plan";
import type { DirectoryImportRow, TemplateImportRow } from "./import/types";
import type { ProfessionalRecord } from "./template/columns";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const RPPS_A = withRppsKey("4000000001");
const RPPS_B = withRppsKey("4000000002");

const RECORD: ProfessionalRecord = {
  lastName: "DUPONT",
  firstName: "Marie",
  birthDate: d("1980-04-12"),
  population: "SALARIED",
  professionCode: "60",
  category: "CIVIL",
  rpps: RPPS_A,
  rppsStatus: "REGISTERED",
  rppsCheckedAt: d("2025-06-01"),
  identityVerification: "FRANCECONNECT_PLUS",
  activityStart: d("2015-09-01"),
  activityEnd: null,
  needsDmp: true,
  needsDpi: false,
  needsPscServices: false,
  needsSecureMessaging: false,
  enrollments: [{ type: "E_CPS", enrolledAt: d("2025-03-01"), expiresAt: null, revokedAt: null }],
};

const stored = (changes: Partial<StoredProfessional> = {}): StoredProfessional => ({ ...RECORD, id: "p1", version: 3, ...changes });
const line = (changes: Partial<TemplateImportRow> = {}, number = 2): TemplateImportRow => ({
  ...RECORD,
  source: "TEMPLATE",
  line: number,
  matchKey: "",
  ...changes,
});
const directory = (changes: Partial<DirectoryImportRow> = {}): DirectoryImportRow => ({
  source: "ANNUAIRE_SANTE",
  line: 2,
  lines: [2],
  matchKey: "",
  lastName: "DUPONT",
  firstName: "Marie",
  rpps: RPPS_A,
  rppsStatus: "REGISTERED",
  rppsCheckedAt: d("2026-10-01"),
  professionCode: "60",
  category: "CIVIL",
  population: "SALARIED",
  ...changes,
});

describe("planRosterImport", () => {
  it("leaves an identical line alone, enrolments listed in any order", async () => {
    const twoMie = [
      ...RECORD.enrollments,
      { type: "CPS" as const, enrolledAt: d("2024-01-01"), expiresAt: d("2027-01-01"), revokedAt: null },
    ];
    const plan = await planRosterImport([line({ enrollments: [...twoMie].reverse() })], [stored({ enrollments: twoMie })]);
    expect(plan).toEqual({ creates: [], updates: [], unchanged: 1, rejected: [] });
  });

  it("updates on any difference, and says whether the enrolments changed", async () => {
    const plan = await planRosterImport(
      [line({ needsDpi: true }, 2), line({ rpps: RPPS_B, lastName: "MARTIN", enrollments: [] }, 3)],
      [stored(), stored({ id: "p2", rpps: RPPS_B, lastName: "MARTIN" })],
    );
    expect(
      plan.updates.map((update) => [update.line, update.id, update.version, update.changed.includes("enrollments"), update.changed]),
    ).toEqual([
      [2, "p1", 3, false, ["needsDpi"]],
      [3, "p2", 3, true, ["enrollments"]],
    ]);
  });

  it("creates who is not there yet", async () => {
    const plan = await planRosterImport([line({ rpps: RPPS_B, lastName: "MARTIN" })], [stored()]);
    expect(plan.creates.map((create) => create.record.lastName)).toEqual(["MARTIN"]);
  });

  it("matches a line without RPPS on name and birth date, and never erases a stored RPPS number", async () => {
    const plan = await planRosterImport(
      [line({ rpps: null, rppsStatus: "NOT_REGISTERED", lastName: "Dupont", needsDpi: true })],
      [stored()],
    );
    expect(plan.updates).toHaveLength(1);
    expect(plan.updates[0]!.record).toMatchObject({ rpps: RPPS_A, rppsStatus: "REGISTERED", lastName: "Dupont" });
  });

  it("takes two RPPS numbers for two people, even with the same name and birth date", async () => {
    const plan = await planRosterImport([line({ rpps: RPPS_B })], [stored()]);
    expect(plan.creates).toHaveLength(1);
  });

  it("refuses a second line that designates a professional already matched by an earlier line", async () => {
    const plan = await planRosterImport(
      [line({}, 2), line({ rpps: null, needsDpi: true }, 5)],
      [stored({ rpps: null, rppsStatus: "NOT_REGISTERED" })],
    );
    expect(plan.rejected).toEqual([{ line: 5, messages: ["Ligne 5 : désigne le même professionnel que la ligne 2 (DUPONT Marie)."] }]);
  });

  it("brings only what the directory knows to a stored professional, keeping the later RPPS check", async () => {
    const plan = await planRosterImport(
      [directory({ professionCode: "10", population: null, rppsCheckedAt: d("2024-01-01") })],
      [stored()],
    );
    expect(plan.updates[0]!.record).toEqual({ ...RECORD, professionCode: "10", rppsCheckedAt: d("2025-06-01") });
  });

  it("keeps the roster's role of an RPPS+ professional whose extract gives none, and records the extract's RPPS check", async () => {
    const aide = stored({ professionCode: "313", lastName: "BENOIT", firstName: "Edith", rppsCheckedAt: d("2024-11-14") });
    const plan = await planRosterImport([directory({ professionCode: null, lastName: "BENOIT", firstName: "Édith" })], [aide]);
    expect(plan.rejected).toEqual([]);
    expect(plan.updates.map((update) => [update.record.professionCode, update.record.rppsCheckedAt, update.changed])).toEqual([
      ["313", d("2026-10-01"), ["firstName", "rppsCheckedAt"]],
    ]);
  });

  it("refuses a newcomer from the directory whose role (RPPS+, profession 99) the extract does not give", async () => {
    const plan = await planRosterImport([directory({ professionCode: null, rpps: RPPS_B, lastName: "SOIGNANTE" })], [stored()]);
    expect(plan.creates).toEqual([]);
    expect(plan.rejected).toEqual([
      {
        line: 2,
        messages: [
          "Ligne 2 : SOIGNANTE Marie, professionnel RPPS+ (profession 99) dont l'extraction ne donne pas le rôle, n'est pas encore dans le registre : ajoutez-le avec le modèle de fichier de l'application, son rôle comme code profession (313 Aide-soignant, 328 Accompagnant éducatif et social…).",
        ],
      },
    ]);
  });

  it("adds a newcomer from the directory from the extract's date, and refuses one whose population is unknown", async () => {
    const plan = await planRosterImport([directory(), directory({ line: 3, rpps: RPPS_B, lastName: "BENEVOLE", population: null })], []);
    expect(plan.creates.map((create) => create.record)).toEqual([
      expect.objectContaining({
        lastName: "DUPONT",
        activityStart: d("2026-10-01"),
        identityVerification: "NONE",
        enrollments: [],
        birthDate: null,
      }),
    ]);
    expect(plan.rejected[0]!.messages[0]).toMatch(/^Ligne 3 : BENEVOLE Marie n'est pas encore dans le registre/);
  });

  it("refuses a line whose RPPS number the roster gives to someone else, rather than turning that record into another person", async () => {
    const plan = await planRosterImport([line({ lastName: "MARTIN", firstName: "Paul", birthDate: d("1990-06-15") })], [stored()]);
    expect(plan.updates).toEqual([]);
    expect(plan.creates).toEqual([]);
    expect(plan.rejected).toEqual([
      {
        line: 2,
        messages: [
          `Ligne 2 : le numéro RPPS ${RPPS_A} est, dans le registre, celui de DUPONT Marie (né(e) le 12/04/1980), pas de MARTIN Paul : vérifiez le numéro dans l'Annuaire Santé. S'il s'agit bien de la même personne, corrigez d'abord son nom dans le registre.`,
        ],
      },
    ]);
    // The same first name and a different birth date: one trait out of three is not the same person either.
    expect((await planRosterImport([line({ lastName: "MARTIN", birthDate: d("1990-06-15") })], [stored()])).rejected).toHaveLength(1);
  });

  it("takes a changed last name or a corrected birth date for the same person, and says who is renamed", async () => {
    const plan = await planRosterImport(
      [line({ lastName: "DUPONT-MOREAU" }, 2), line({ rpps: RPPS_B, lastName: "MARTIN", birthDate: d("1981-04-12") }, 3)],
      [stored(), stored({ id: "p2", rpps: RPPS_B, lastName: "MARTIN" })],
    );
    expect(plan.rejected).toEqual([]);
    expect(plan.updates.map(({ line: number, changed, formerName }) => [number, changed, formerName])).toEqual([
      [2, ["lastName"], "DUPONT Marie"],
      [3, ["birthDate"], null],
    ]);
  });

  it("gives the directory's RPPS number to the one professional of that name who has none, instead of adding a second", async () => {
    const plan = await planRosterImport(
      [directory({ lastName: "Dupont", firstName: "MARIE" })],
      [stored({ rpps: null, rppsStatus: "NOT_REGISTERED", rppsCheckedAt: null })],
    );
    expect(plan.creates).toEqual([]);
    expect(plan.updates).toEqual([
      expect.objectContaining({
        id: "p1",
        changed: ["lastName", "firstName", "rpps", "rppsStatus", "rppsCheckedAt"],
        formerName: "DUPONT Marie",
      }),
    ]);
    expect(plan.updates[0]!.record).toMatchObject({ rpps: RPPS_A, rppsStatus: "REGISTERED", birthDate: d("1980-04-12") });
  });

  it("refuses a directory line when several professionals of its name have no RPPS number, or when its number is someone else's", async () => {
    const homonyms = [stored({ rpps: null, rppsStatus: "NOT_REGISTERED" }), stored({ id: "p2", rpps: null, birthDate: d("1992-01-01") })];
    expect((await planRosterImport([directory()], homonyms)).rejected).toEqual([
      {
        line: 2,
        messages: [
          `Ligne 2 : 2 professionnels nommés DUPONT Marie n'ont pas de numéro RPPS dans le registre : saisissez le numéro RPPS ${RPPS_A} sur la bonne fiche, puis importez de nouveau l'extrait.`,
        ],
      },
    ]);
    expect((await planRosterImport([directory({ lastName: "MARTIN", firstName: "Paul" })], [stored()])).rejected).toEqual([
      {
        line: 2,
        messages: [
          `Ligne 2 : l'Annuaire Santé donne le numéro RPPS ${RPPS_A} à MARTIN Paul, que le registre attribue à DUPONT Marie (né(e) le 12/04/1980) : corrigez le numéro RPPS de cette fiche dans le registre, puis importez de nouveau l'extrait.`,
        ],
      },
    ]);
  });
});
