import { describe, expect, it } from "vitest";
import { contentText, extractPdfText, pdfContentStreams } from "@/lib/applications/testing/pdf-text";
import { APPEAL_NOTICE, type DecisionLetterInput, letterHashOf, renderDecisionLetterPdf, scheduleSentence } from "./decision-letter-pdf";

const input: DecisionLetterInput = {
  programme: "HospiConnect",
  wave: "Vague de généralisation 2025",
  establishment: { name: "EHPAD Les Œillets", finess: "750712184" },
  reference: "HC-00042",
  projectTitle: "Double authentification pour tous",
  releasedAt: new Date("2026-03-02T10:00:00Z"),
  outcome: "SELECTED",
  amountRequestedCents: 1_500_000n,
  amountGrantedCents: 1_200_000n,
  schedule: { advanceSharePercent: 30, advanceCents: 360_000n, balanceCents: 840_000n },
  conditions: "Versement sur justificatifs.",
  reasons: "",
  total: 90,
  reviewCount: 2,
  criteria: [
    {
      criterionId: "c1",
      code: "C1",
      label: "Couverture",
      weight: 30,
      scaleMin: 0,
      scaleMax: 5,
      meanScore: 4.5,
      points: 77.5,
      notApplicableCount: 0,
    },
    {
      criterionId: "c2",
      code: "C2",
      label: "Fédération",
      weight: 10,
      scaleMin: 1,
      scaleMax: 4,
      meanScore: null,
      points: null,
      notApplicableCount: 2,
    },
  ],
  comments: [
    { criterionCode: "C1", text: "Couverture complète des intérimaires." },
    { criterionCode: null, text: "Projet solide." },
  ],
  signatory: { name: "Anne Moreau", title: "Directrice générale de l'Agence du Numérique en Santé" },
};
const plain = (lines: string[]) => lines.map((line) => line.replace(/[\u00a0\u202f]/g, " ")).join("\n");

describe("the decision letter", async () => {
  const hash = letterHashOf(input);
  const text = plain(extractPdfText(await renderDecisionLetterPdf(input, hash)));

  it("states the decision, the amounts and the conditions", () => {
    expect(text).toContain("Référence du dossier : HC-00042");
    expect(text).toContain("Votre dossier est retenu.");
    expect(text).toContain("Montant demandé : 15 000 €");
    expect(text).toContain("Montant accordé : 12 000 €");
    expect(text).toContain("Conditions : Versement sur justificatifs.");
    expect(text.replace(/\s+/g, " ")).toContain(
      "Versement : une avance de 3 600 € (30 %) à la notification de cette décision, puis le solde de 8 400 € après validation des résultats que l'établissement déclarera.",
    );
    // How to contest it, and within what time (the text wraps in the PDF: compared without line breaks).
    expect(text.replace(/\s+/g, " ")).toContain(`Voies et délais de recours ${APPEAL_NOTICE}`);
  });

  it("explains each criterion: weight, mean note, points, and the releasable comments", () => {
    for (const cell of [
      "Critère",
      "Pondération",
      "Note moyenne",
      "C1 – Couverture",
      "30",
      "4,5 sur 5",
      "77,5",
      "C2 – Fédération",
      "Sans objet",
    ])
      expect(text).toContain(cell);
    expect(text).toContain("Note globale : 90,0 sur 100.");
    // C2 « sans objet » for both: nothing to say of a re-weighting beside it, which the letter explains.
    expect(text.replace(/\s+/g, " ")).toContain(
      "Un critère jugé « sans objet » par un instructeur n'est pas compté dans son évaluation, dont les autres pondérations sont alors rapportées à 100",
    );
    expect(text).toContain("C1 : « Couverture complète des intérimaires. »");
    expect(text).toContain("Appréciation générale : « Projet solide. »");
  });

  it("says beside a mean note how many reviewers judged the criterion « sans objet »", async () => {
    const partly = { ...input, criteria: [{ ...input.criteria[0]!, notApplicableCount: 1 }] };
    const letter = plain(extractPdfText(await renderDecisionLetterPdf(partly, letterHashOf(partly))));
    // A table cell wraps: compared without line breaks.
    expect(letter.replace(/\s+/g, " ")).toContain("4,5 sur 5 ; sans objet pour 1 instructeur");
    const none = { ...input, criteria: [input.criteria[0]!] };
    expect(plain(extractPdfText(await renderDecisionLetterPdf(none, letterHashOf(none))))).not.toContain("rapportées à 100");
  });

  it("ends with its author's name and title, after the place and the date (CRPA art. L. 212-1)", () => {
    expect(text).toContain(
      [
        "Fait à Paris, le 2 mars 2026.",
        "Pour l'Agence du Numérique en Santé,",
        "Anne Moreau",
        "Directrice générale de l'Agence du Numérique en Santé",
      ].join("\n"),
    );
    // Signed after the appeal notice, before the fingerprint that seals it.
    expect(text.indexOf("Anne Moreau")).toBeGreaterThan(text.indexOf("Voies et délais de recours"));
    expect(text.indexOf("Anne Moreau")).toBeLessThan(text.indexOf(hash));
    expect(letterHashOf({ ...input, signatory: { ...input.signatory, name: "Paul Martin" } })).not.toBe(hash);
  });

  it("prints the hash of its own content, which changes with the content", () => {
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(text).toContain(hash);
    expect(letterHashOf({ ...input, amountGrantedCents: 1_100_000n })).not.toBe(hash);
  });

  it("says a grant paid in one go when the wave's advance is all of it, or none of it", () => {
    expect(scheduleSentence({ advanceSharePercent: 100, advanceCents: 1_200_000n, balanceCents: 0n })).toBe(
      "Versement : en une fois, à la notification de cette décision.",
    );
    expect(scheduleSentence({ advanceSharePercent: 0, advanceCents: 0n, balanceCents: 1_200_000n })).toBe(
      "Versement : en une fois, après validation des résultats que l'établissement déclarera.",
    );
  });

  it("gives a refusal its reasons and no amount granted", async () => {
    const refusal = {
      ...input,
      outcome: "REJECTED" as const,
      amountGrantedCents: null,
      schedule: null,
      conditions: "",
      reasons: "Objectifs obligatoires insuffisamment couverts.",
      comments: [],
    };
    const refused = plain(extractPdfText(await renderDecisionLetterPdf(refusal, letterHashOf(refusal))));
    expect(refused).toContain("Votre dossier n'est pas retenu.");
    expect(refused).toContain("Motifs : Objectifs obligatoires insuffisamment couverts.");
    expect(refused).not.toContain("Montant accordé");
    expect(refused).not.toContain("Versement :");
    expect(refused).not.toContain("Observations des instructeurs");
  });

  it("prints the signs a manager types in the conditions, never « ? »", async () => {
    const signs = { ...input, conditions: "Sous réserve : taux d’équipement ≥ 80 % ; cœur du projet → fédération PSC. Tâche n° 2 ✓" };
    const letter = plain(extractPdfText(await renderDecisionLetterPdf(signs, letterHashOf(signs)))).replace(/\s+/g, " ");
    expect(letter).toContain("Conditions : Sous réserve : taux d’équipement >= 80 % ; cœur du projet -> fédération PSC. Tâche n° 2 (oui)");
  });

  it("names the letter and numbers its pages at the foot of each, as an artifact screen readers skip", async () => {
    const establishment = { name: `Centre hospitalier intercommunal ${"de la vallée ".repeat(16)}`.trim(), finess: "750712184" };
    const comments = Array.from({ length: 30 }, (_, index) => ({
      criterionCode: "C1",
      text: `Observation ${index + 1} : ${"la couverture des intérimaires reste à compléter ".repeat(4)}`,
    }));
    const long = { ...input, establishment, comments };
    const pages = pdfContentStreams(await renderDecisionLetterPdf(long, letterHashOf(long))).filter((content) => /T[Jj]/.test(content));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((content, index) => {
      const artifact = content.slice(content.lastIndexOf("/Artifact"));
      expect(artifact).toMatch(/^\/Artifact <<\s*\/Type \/Pagination/);
      const footer = plain(contentText(artifact));
      expect(footer).toContain(`Page ${index + 1} sur ${pages.length}`);
      // The establishment's name is cut to the line, the reference first so that it always shows.
      expect(footer).toMatch(/^HC-00042 – Centre hospitalier intercommunal de la vallée .*…$/m);
    });
    expect(plain(extractPdfText(await renderDecisionLetterPdf(input, hash)))).toContain("Page 1 sur 1");
  });
});
