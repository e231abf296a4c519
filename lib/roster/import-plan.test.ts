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
  it("leaves an identical line alone, enrolments listed in any order", () => {
    const twoMie = [
      ...RECORD.enrollments,
      { type: "CPS" as const, enrolledAt: d("2024-01-01"), expiresAt: d("2027-01-01"), revokedAt: null },
    ];
    const plan = planRosterImport([line({ enrollments: [...twoMie].reverse() })], [stored({ enrollments: twoMie })]);
    expect(plan).toEqual({ creates: [], updates: [], unchanged: 1, rejected: [] });
  });

  it("updates on any difference, and says whether the enrolments changed", () => {
    const plan = planRosterImport(
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

  it("creates who is not there yet", () => {
    const plan = planRosterImport([line({ rpps: RPPS_B, lastName: "MARTIN" })], [stored()]);
    expect(plan.creates.map((create) => create.record.lastName)).toEqual(["MARTIN"]);
  });

  it("matches a line without RPPS on name and birth date, and never erases a stored RPPS number", () => {
    const plan = planRosterImport([line({ rpps: null, rppsStatus: "NOT_REGISTERED", lastName: "Dupont", needsDpi: true })], [stored()]);
    expect(plan.updates).toHaveLength(1);
    expect(plan.updates[0]!.record).toMatchObject({ rpps: RPPS_A, rppsStatus: "REGISTERED", lastName: "Dupont" });
  });

  it("takes two RPPS numbers for two people, even with the same name and birth date", () => {
    const plan = planRosterImport([line({ rpps: RPPS_B })], [stored()]);
    expect(plan.creates).toHaveLength(1);
  });

  it("refuses a second line that designates a professional already matched by an earlier line", () => {
    const plan = planRosterImport(
      [line({}, 2), line({ rpps: null, needsDpi: true }, 5)],
      [stored({ rpps: null, rppsStatus: "NOT_REGISTERED" })],
    );
    expect(plan.rejected).toEqual([{ line: 5, messages: ["Ligne 5 : désigne le même professionnel que la ligne 2 (DUPONT Marie)."] }]);
  });

  it("brings only what the directory knows to a stored professional, keeping the later RPPS check", () => {
    const plan = planRosterImport([directory({ professionCode: "10", population: null, rppsCheckedAt: d("2024-01-01") })], [stored()]);
    expect(plan.updates[0]!.record).toEqual({ ...RECORD, professionCode: "10", rppsCheckedAt: d("2025-06-01") });
  });

  it("adds a newcomer from the directory from the extract's date, and refuses one whose population is unknown", () => {
    const plan = planRosterImport([directory(), directory({ line: 3, rpps: RPPS_B, lastName: "BENEVOLE", population: null })], []);
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
});
