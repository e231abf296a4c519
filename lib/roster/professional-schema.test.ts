import { describe, expect, it } from "vitest";
import { withRppsKey } from "@/lib/identifiers/rpps";
import { PROFESSIONAL_NAME_MAX, toFormValues, ZProfessionalInput } from "./professional-schema";
import { professionalRecord } from "./professional-record.test-helpers";

const record = professionalRecord({ birthDate: new Date("1985-03-02T00:00:00Z"), rpps: withRppsKey("1000000001") });

const messages = (changes: Record<string, unknown>) => {
  const result = ZProfessionalInput.safeParse({ ...toFormValues(record), ...changes });
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("professional form", () => {
  it("accepts a professional's record as the form shows it", () => {
    expect(messages({})).toEqual([]);
  });

  it("keeps a name on one line: a line break or tab inside it (pasted) becomes one space, as the import does", () => {
    const parsed = ZProfessionalInput.parse({ ...toFormValues(record), lastName: " Dupont\r\nde la  Tour ", firstName: "Jean\tPierre\n" });
    expect([parsed.lastName, parsed.firstName]).toEqual(["Dupont de la Tour", "Jean Pierre"]);
  });

  it("refuses a birth date on or after the start of activity, or less than 15 years before it, as the import does", () => {
    const start = toFormValues(record).activityStart;
    expect(messages({ birthDate: start })).toEqual([
      `birthDate: La date de naissance (${start.split("-").reverse().join("/")}) doit précéder le début d'activité (${start.split("-").reverse().join("/")}).`,
    ]);
    expect(messages({ birthDate: "2010-01-02", activityStart: "2025-01-01" })).toEqual([
      "birthDate: La date de naissance (02/01/2010) donne moins de 15 ans au début d'activité (01/01/2025) : vérifiez l'année.",
    ]);
    expect(messages({ birthDate: "2010-01-01", activityStart: "2025-01-01" })).toEqual([]);
  });

  it("refuses a birth date or an RPPS check after today, which would hide a check falling due", () => {
    expect(messages({ rppsCheckedAt: "2999-01-01" })).toEqual([
      "rppsCheckedAt: La date de vérification RPPS (01/01/2999) ne peut pas être postérieure à aujourd'hui.",
    ]);
    expect(messages({ birthDate: "2999-01-01" })).toContain(
      "birthDate: La date de naissance (01/01/2999) ne peut pas être postérieure à aujourd'hui.",
    );
    expect(messages({ birthDate: "1000-01-01" })).toEqual([
      "birthDate: La date de naissance (01/01/1000) est antérieure à 1900 : vérifiez l'année.",
    ]);
  });

  it("reads an RPPS number typed or pasted in digit groups as the import does", () => {
    const rpps = withRppsKey("1000000001");
    const grouped = `${rpps.slice(0, 3)}.${rpps.slice(3, 6)} ${rpps.slice(6, 9)}\u00a0${rpps.slice(9)}`;
    const parsed = ZProfessionalInput.parse({ ...toFormValues(record), rpps: grouped });
    expect(parsed.rpps).toBe(rpps);
  });

  it("reads the national PP identifier (8 + RPPS) as its RPPS number, as the import does", () => {
    const rpps = withRppsKey("1000000001");
    for (const nationalId of [`8${rpps}`, `8${rpps.slice(0, 2)} ${rpps.slice(2, 5)} ${rpps.slice(5, 8)} ${rpps.slice(8)}`]) {
      expect(ZProfessionalInput.parse({ ...toFormValues(record), rpps: nationalId }).rpps, nationalId).toBe(rpps);
    }
    expect(messages({ rpps: `8${withRppsKey("1000000001").slice(0, 10)}0` })).toEqual([
      `rpps: Le numéro RPPS ${rpps.slice(0, 10)}0 n'est pas valide : sa clé de contrôle (dernier chiffre) ne correspond pas. Vérifiez les chiffres saisis.`,
    ]);
  });

  it("says in French how long a name may be", () => {
    expect(messages({ lastName: "X".repeat(PROFESSIONAL_NAME_MAX + 1) })).toEqual([
      `lastName: Le nom ne doit pas dépasser ${PROFESSIONAL_NAME_MAX} caractères.`,
    ]);
  });
});
