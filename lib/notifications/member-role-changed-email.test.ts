import { describe, expect, it } from "vitest";
import { memberRoleChangedEmail } from "./member-role-changed-email";

describe("the e-mail of a changed role in an establishment's team", () => {
  it("says who gave which role, and what it changes", () => {
    const promoted = memberRoleChangedEmail({ establishment: "EHPAD Les Tilleuls", role: "DIRECTOR", changedBy: "Nadia Roux" });
    expect(promoted.subject).toBe("HospiConnect : votre rôle dans l'équipe de « EHPAD Les Tilleuls » est désormais « Direction »");
    expect(promoted.text).toContain(
      "Nadia Roux vous a donné le rôle « Direction » dans l'équipe de « EHPAD Les Tilleuls » sur la plateforme des appels à projets HospiConnect.",
    );
    expect(promoted.text).toContain("Vous pouvez désormais gérer son équipe");

    const demoted = memberRoleChangedEmail({ establishment: "EHPAD Les Tilleuls", role: "EDITOR", changedBy: "Nadia Roux" });
    expect(demoted.subject).toContain("« Co-rédaction »");
    expect(demoted.text).toContain("reviennent à sa direction.");
  });
});
