import { describe, expect, it } from "vitest";
import { parisDateTime } from "@/lib/time/paris";
import { applicationStateChangedEmail } from "./application-state-changed";
import { conflictDeclaredEmail } from "./conflict-declared";
import { reviewAssignedEmail } from "./review-assigned";
import { reviewDueSoonEmail } from "./review-due-soon";
import { reviewOverdueEmail } from "./review-overdue";
import { reviewReopenedEmail } from "./review-reopened";

const DUE = parisDateTime("2026-12-04T18:00");

describe("review e-mails", () => {
  it("tell a reviewer what was assigned, in which tier, by when, and to declare interests first", () => {
    const one = reviewAssignedEmail({ wave: "Vague 2026", tier: "REGIONAL", establishments: ["EHPAD Les Tilleuls"], dueAt: DUE });
    expect(one.subject).toBe("HospiConnect : un dossier vous est attribué");
    expect(one.text).toContain("Un dossier vous est attribué pour « Vague 2026 », au niveau régional (ARS) :\n- EHPAD Les Tilleuls");
    expect(one.text).toContain("Évaluation attendue avant le 4 décembre 2026 à 18\u00a0h\u00a000 (heure de Paris).");
    expect(one.text).toContain("déclarez vos liens d'intérêts");
    const many = reviewAssignedEmail({
      wave: "Vague 2026",
      tier: "NATIONAL",
      establishments: Array.from({ length: 17 }, (_, i) => `E${i}`),
      dueAt: null,
    });
    expect(many.subject).toBe("HospiConnect : 17 dossiers vous sont attribués");
    expect(many.text).toContain("- E14\n- et 2 autre(s)");
    expect(many.text).not.toContain("- E15");
  });

  it("tell managers which dossier needs a reviewer after a declared conflict, and what the reviewer wrote of it", () => {
    const conflict = {
      reviewer: "Karim Benali",
      establishment: "CH de Niort",
      finess: "790000012",
      wave: "Vague 2026",
      waveId: "w1",
      tier: "NATIONAL" as const,
      type: "PERSONAL_TIE" as const,
      partnerSiret: null,
      details: "",
    };
    const email = conflictDeclaredEmail(conflict);
    expect(email.subject).toBe("Conflit d'intérêts déclaré : le dossier de « CH de Niort » attend un instructeur");
    expect(email.text).toContain(
      "Karim Benali a déclaré un conflit d'intérêts (lien personnel ou familial) sur le dossier de « CH de Niort » (FINESS 790000012)",
    );
    expect(email.text).toContain("/pilotage/vagues/w1/attribution");
    expect(email.text).not.toContain("Précisions");

    // The manager judges the tie and reassigns from the e-mail: the reviewer's own words, as text.
    const other = conflictDeclaredEmail({ ...conflict, type: "OTHER", details: "Membre du conseil <b>de surveillance</b>.\nDepuis 2024." });
    expect(other.text).toContain("Précisions de l'instructeur :\n> Membre du conseil <b>de surveillance</b>.\n> Depuis 2024.\n");
    const partner = conflictDeclaredEmail({ ...conflict, type: "PARTNER_TIE", partnerSiret: "73282932000074", details: "" });
    expect(partner.text).toContain("SIRET du partenaire : 73282932000074\n");
  });

  it("tell a reviewer their review was reopened, and why", () => {
    const email = reviewReopenedEmail({ establishment: "CH de Niort", assignmentId: "a1", reason: "Note du critère C2 à revoir." });
    expect(email.subject).toBe("HospiConnect : votre évaluation du dossier de « CH de Niort » est rouverte");
    expect(email.text).toContain("Motif : Note du critère C2 à revoir.");
    expect(email.text).toContain("/instruction/a1");
  });

  it("remind before and after the due date", () => {
    expect(reviewDueSoonEmail({ establishment: "CH de Niort", assignmentId: "a1", dueAt: DUE }).subject).toBe(
      "Rappel : évaluation du dossier de « CH de Niort » attendue avant le 4 décembre 2026 à 18\u00a0h\u00a000",
    );
    const overdue = reviewOverdueEmail({ establishment: "CH de Niort", assignmentId: "a1", dueAt: DUE });
    expect(overdue.subject).toBe("Évaluation en retard : dossier de « CH de Niort »");
    expect(reviewOverdueEmail({ establishment: "IME Les Sources", assignmentId: "a1", dueAt: DUE }).subject).toBe(
      "Évaluation en retard : dossier de « IME Les Sources »",
    );
    expect(overdue.text).toContain("était attendue le 4 décembre 2026 à 18\u00a0h\u00a000 (heure de Paris)");
  });

  it("tell the establishment its dossier changed state, with a link to it", () => {
    const email = applicationStateChangedEmail({ establishment: "CH de Niort", applicationId: "d1", state: "UNDER_REVIEW" });
    expect(email.subject).toBe("Le dossier HospiConnect de « CH de Niort » est désormais « En instruction »");
    expect(email.text).toContain("Le dossier de « CH de Niort » est passé à l'état « En instruction ».");
    expect(email.text).toMatch(/\/dossiers\/d1$/m);
  });
});
