import { describe, expect, it } from "vitest";
import { decisionGuidance } from "./verification-guidance";

const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("the guidance above a tier's decision", () => {
  it("sends the ARS's approval on to the ANS", () => {
    expect(decisionGuidance("REGIONAL", 1_200_000n)).toBe(
      "Approuvez chaque objectif pour transmettre la déclaration à l'ANS ; un objectif refusé refuse la déclaration.",
    );
  });

  it("names the balance the ANS's validation makes due as the payment pages write it: cents only when there are", () => {
    expect(spaced(decisionGuidance("NATIONAL", 1_200_000n))).toBe(
      "Approuvez chaque objectif pour valider les résultats : le solde de la subvention, 12 000 €, devient exigible ; un objectif refusé refuse la déclaration.",
    );
    expect(spaced(decisionGuidance("NATIONAL", 700_001n))).toContain("le solde de la subvention, 7 000,01 €, devient exigible");
    expect(decisionGuidance("NATIONAL", null)).toBe(
      "Approuvez chaque objectif pour valider les résultats ; un objectif refusé refuse la déclaration.",
    );
  });
});
