import { describe, expect, it } from "vitest";
import { ZDeclarationInput } from "./declaration-schema";

const messages = (input: unknown) => {
  const result = ZDeclarationInput.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("a declaration of interests", () => {
  it("declares a tie with a partner by its SIRET, or by its name when the dossier gives none", () => {
    expect(messages({ hasConflict: true, type: "PARTNER_TIE", partnerSiret: "732 829 320 00017" })).toEqual([]);
    expect(messages({ hasConflict: true, type: "PARTNER_TIE", partnerSiret: "732.829.320.00017" })).toEqual([]);
    expect(
      messages({ hasConflict: true, type: "PARTNER_TIE", partnerSiret: "", details: "Intégrateur Acme, mon ancien employeur" }),
    ).toEqual([]);
  });

  it("asks for one or the other, and refuses a SIRET that is not one", () => {
    expect(messages({ hasConflict: true, type: "PARTNER_TIE", partnerSiret: "", details: "" })).toEqual([
      "partnerSiret: Indiquez le SIRET du partenaire ou, s'il n'en a pas, son nom dans les précisions.",
    ]);
    expect(messages({ hasConflict: true, type: "PARTNER_TIE", partnerSiret: "73282932000018" })).toEqual([
      "partnerSiret: Ce SIRET n'est pas valide : vérifiez ses 14 chiffres.",
    ]);
  });
});
