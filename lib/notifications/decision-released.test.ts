import { describe, expect, it } from "vitest";
import { decisionReleasedEmail } from "./decision-released";

describe("decision released e-mail", () => {
  it("tells the decision, the amount granted and where the letter is", () => {
    const email = decisionReleasedEmail({
      establishment: "CH de Niort",
      wave: "Vague 2026",
      applicationId: "a1",
      reference: "HC-00042",
      outcome: "SELECTED",
      amountGrantedCents: 1_200_000n,
    });
    expect(email.subject).toBe("Le dossier HospiConnect de « CH de Niort » est retenu");
    expect(email.text).toContain("Le dossier de « CH de Niort » est retenu pour « Vague 2026 ».");
    expect(email.text.replace(/[\u00a0\u202f]/g, " ")).toContain("Montant accordé : 12 000 €.");
    expect(email.text).toContain("Référence du dossier : HC-00042");
    expect(email.text).toContain("/dossiers/a1");
  });

  it("gives no amount to a refusal or the waiting list", () => {
    const waitlisted = decisionReleasedEmail({
      establishment: "CH de Niort",
      wave: "Vague 2026",
      applicationId: "a1",
      reference: "HC-00042",
      outcome: "WAITLISTED",
      amountGrantedCents: null,
    });
    expect(waitlisted.subject).toBe("Le dossier HospiConnect de « CH de Niort » est sur liste d'attente");
    expect(waitlisted.text).not.toContain("Montant");
    const rejected = decisionReleasedEmail({
      establishment: "CH de Niort",
      wave: "Vague 2026",
      applicationId: "a1",
      reference: "HC-00042",
      outcome: "REJECTED",
      amountGrantedCents: null,
    });
    expect(rejected.subject).toBe("Décision sur le dossier HospiConnect de « CH de Niort »");
    expect(rejected.text).toContain("n'est pas retenu");
  });
});
