import { describe, expect, it } from "vitest";
import { reviewSettingsOutcome } from "./review-settings-outcome";

describe("the review settings' outcome, as the manager reads it", () => {
  it("says nothing changed, what was saved, and how many dossiers the change completed", () => {
    expect(reviewSettingsOutcome({ changed: [], scored: [] })).toBe("Aucun changement.");
    expect(reviewSettingsOutcome({ changed: ["reviewersAnonymous"], scored: [] })).toBe("Paramètres de l'instruction enregistrés.");
    expect(reviewSettingsOutcome({ changed: ["reviewersPerDossier"], scored: ["a"] })).toBe(
      "Paramètres de l'instruction enregistrés. Un dossier dont les évaluations sont désormais complètes passe « Évalué ».",
    );
    expect(
      reviewSettingsOutcome({
        changed: ["reviewersPerDossier"],
        scored: Array.from({ length: 1200 }, (_, index) => String(index)),
      }).replace(/[\u202f\u00a0]/g, " "),
    ).toBe("Paramètres de l'instruction enregistrés. 1 200 dossiers dont les évaluations sont désormais complètes passent « Évalué ».");
  });
});
