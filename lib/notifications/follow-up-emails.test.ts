import { describe, expect, it } from "vitest";
import { declarationReminderEmail, milestoneReminderEmail } from "./follow-up-reminders";
import { SIGNATURE } from "./signature";

describe("follow-up reminders", () => {
  it("remind the director of a milestone with its day, how soon, and the follow-up page", () => {
    const email = milestoneReminderEmail({
      establishment: "EHPAD Les Tilleuls",
      milestone: "Enrôlement e-CPS",
      day: "2027-04-01",
      daysLeft: 7,
      applicationId: "a1",
    });
    expect(email.subject).toBe("Rappel : jalon « Enrôlement e-CPS » prévu le 1er avril 2027");
    expect(email.text).toContain(
      "Le jalon « Enrôlement e-CPS » du projet de « EHPAD Les Tilleuls » est prévu le 1er avril 2027, dans 7 jours.",
    );
    expect(email.text).toContain("indiquez sa date de réalisation sur la page de suivi du dossier");
    expect(email.text).toMatch(/\/dossiers\/a1\/suivi$/m);
    expect(email.text.endsWith(SIGNATURE)).toBe(true);
    expect(
      milestoneReminderEmail({ establishment: "E", milestone: "M", day: "2027-04-01", daysLeft: 1, applicationId: "a1" }).text,
    ).toContain("prévu le 1er avril 2027, demain.");
    expect(
      milestoneReminderEmail({ establishment: "E", milestone: "M", day: "2027-04-01", daysLeft: 0, applicationId: "a1" }).text,
    ).toContain("prévu le 1er avril 2027, aujourd'hui.");
  });

  it("remind the director that the results are still to declare before the targets' day", () => {
    const email = declarationReminderEmail({ establishment: "CH de Brive", day: "2027-06-30", daysLeft: 3, applicationId: "a2" });
    expect(email.subject).toBe("Rappel : résultats à déclarer pour le 30 juin 2027");
    expect(email.text).toContain(
      "Les cibles du projet de « CH de Brive » sont à atteindre le 30 juin 2027, dans 3 jours, et ses résultats ne sont pas encore déclarés.",
    );
    expect(email.text).toContain("le versement du solde");
    expect(email.text).toMatch(/\/dossiers\/a2\/suivi$/m);
    expect(email.text.endsWith(SIGNATURE)).toBe(true);
  });
});
