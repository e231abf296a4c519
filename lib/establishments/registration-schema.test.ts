import { describe, expect, it } from "vitest";
import { withFinessKey } from "@/lib/identifiers/finess";
import { ZEstablishmentRegistrationInput } from "./registration-schema";

const valid = {
  name: "EHPAD Les Glycines",
  finessEt: withFinessKey("86000412"),
  finessEj: withFinessKey("86000413"),
  siret: "",
  categoryCode: "500",
  departmentCode: "86",
  city: "Poitiers",
  headcount: "42",
  directorEmail: "Direction@Glycines.test",
};

function fieldErrors(input: Record<string, unknown>) {
  const parsed = ZEstablishmentRegistrationInput.safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("the registration form of an establishment", () => {
  it("reads the headcount in digits and the director's address in lower case", () => {
    expect(ZEstablishmentRegistrationInput.parse(valid)).toMatchObject({ headcount: 42, directorEmail: "direction@glycines.test" });
  });

  it("asks the director's address, and checks it", () => {
    expect(fieldErrors({ ...valid, directorEmail: "direction" })).toEqual({
      directorEmail: "Saisissez une adresse électronique valide, par exemple prenom.nom@exemple.fr.",
    });
  });

  it("checks the FINESS as the profile does: its key, and its department", () => {
    expect(fieldErrors({ ...valid, finessEt: "860004120" === valid.finessEt ? "860004121" : "860004120" })).toHaveProperty("finessEt");
    expect(fieldErrors({ ...valid, departmentCode: "79" })).toEqual({
      departmentCode: `Le numéro FINESS de l'établissement (${valid.finessEt}) est celui d'un établissement du département 86 – Vienne : choisissez ce département, ou corrigez le numéro.`,
    });
  });

  it("refuses the same number as the establishment's FINESS (ET) and its legal entity's (EJ), on the ET field", () => {
    expect(fieldErrors({ ...valid, finessEj: valid.finessEt })).toEqual({
      finessEt:
        "Le numéro FINESS de l'établissement (ET) est le même que celui de son entité juridique (EJ) : ce sont deux numéros différents. Saisissez celui du site, tel que le répertoire FINESS le donne.",
    });
  });
});
