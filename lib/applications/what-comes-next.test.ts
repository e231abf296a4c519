import { describe, expect, it } from "vitest";
import { whatComesNext } from "./what-comes-next";

describe("what comes next for a deposited dossier", () => {
  it("follows the dossier's state: in review by one or two tiers, information requested, scored", () => {
    expect(whatComesNext({ reviewTiers: "NATIONAL_ONLY", state: "SUBMITTED", decided: false })).toMatch(
      /^Votre dossier est maintenant instruit par l'ANS\. .*La décision vous sera notifiée par courriel/,
    );
    expect(whatComesNext({ reviewTiers: "REGIONAL_THEN_NATIONAL", state: "UNDER_REVIEW", decided: false })).toMatch(
      /^Votre dossier est maintenant instruit par l'ARS de votre région, puis par l'ANS\./,
    );
    expect(whatComesNext({ reviewTiers: "NATIONAL_ONLY", state: "INFORMATION_REQUESTED", decided: false })).toMatch(
      /^L'instruction de votre dossier attend un complément : répondez-y depuis la page du dossier\./,
    );
    expect(whatComesNext({ reviewTiers: "NATIONAL_ONLY", state: "SCORED", decided: false })).toMatch(
      /^L'instruction de votre dossier est terminée\. La décision vous sera notifiée/,
    );
  });

  it("says a released decision is published, a waitlisted dossier (still « évalué ») included, and never promises a review", () => {
    for (const state of ["SCORED", "SELECTED", "REJECTED"] as const) {
      const text = whatComesNext({ reviewTiers: "NATIONAL_ONLY", state, decided: true });
      expect(text).toMatch(/^La décision sur votre dossier a été publiée : sa lettre se trouve sur la page du dossier\./);
      expect(text).not.toContain("instruit");
    }
  });

  it("says a withdrawn dossier will not be reviewed", () => {
    const text = whatComesNext({ reviewTiers: "NATIONAL_ONLY", state: "WITHDRAWN", decided: false });
    expect(text).toMatch(/^Votre dossier a été retiré : il ne sera pas instruit et aucune décision ne sera rendue\./);
    expect(text).not.toContain("La décision vous sera notifiée");
  });
});
