import { describe, expect, it } from "vitest";
import { extractPdfText } from "@/lib/applications/testing/pdf-text";
import { type DeclarationPdfInput, declarationHashOf, renderDeclarationPdf, verificationSentence } from "./declaration-pdf";

const input: DeclarationPdfInput = {
  programme: "HospiConnect",
  wave: "Vague pilote 2025",
  reviewTiers: "REGIONAL_THEN_NATIONAL",
  establishment: { name: "CH de Niort", finess: "790000012" },
  reference: "HC-00042",
  projectTitle: "Double authentification pour tous",
  declaredAt: new Date("2027-03-02T10:00:00Z"),
  declaredBy: "Claire Directrice",
  figures: {
    ...{ active: 10, registered: 9, substantialId: 8, rieCompliant: 7, dmpReady: 6 },
    ...{ concerned: 8, concernedRie: 6, needingDmp: 5, needingDmpReady: 4 },
  },
  objectives: [{ code: "O1", title: "Enregistrer au RPPS", achieved: true, comment: "Fait.", precheckMet: null, checks: [] }],
};
/** The PDF's text on one line: the closing sentence may wrap. */
const textOf = async (declaration: DeclarationPdfInput) =>
  extractPdfText(await renderDeclarationPdf(declaration, declarationHashOf(declaration)))
    .join(" ")
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/\s+/g, " ");

describe("the declaration of results", () => {
  it("says the ARS checks the results, then the ANS validates them, on a wave with a regional tier", async () => {
    const sentence = verificationSentence("REGIONAL_THEN_NATIONAL");
    expect(sentence).toBe(
      "La pré-vérification compare les chiffres du registre aux cibles de la vague ; les résultats sont ensuite vérifiés par l'ARS puis validés par l'ANS.",
    );
    const text = await textOf(input);
    expect(text).toContain(sentence);
    expect(text).toContain("Référence du dossier : HC-00042");
  });

  it("prints every frozen figure the page shows, the shares among those who need them included", async () => {
    const text = await textOf(input);
    expect(text).toContain("MIE conforme au RIE 7 sur 10 (70 %)");
    expect(text).toContain("MIE conforme au RIE, parmi ceux qui en ont besoin (objectif 2) 6 sur 8 (75 %)");
    expect(text).toContain("Accès au DMP, parmi ceux qui en ont besoin 4 sur 5 (80 %)");
  });

  it("names the ANS alone on a national-only wave, where the declaration goes straight to it", async () => {
    const national = { ...input, reviewTiers: "NATIONAL_ONLY" as const };
    const sentence = verificationSentence("NATIONAL_ONLY");
    expect(sentence).toBe(
      "La pré-vérification compare les chiffres du registre aux cibles de la vague ; les résultats sont ensuite validés par l'ANS.",
    );
    const text = await textOf(national);
    expect(text).toContain(sentence);
    expect(text).not.toContain("ARS");
    expect(declarationHashOf(national)).not.toBe(declarationHashOf(input));
  });
});
