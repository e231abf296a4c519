import { describe, expect, it } from "vitest";
import { memberLeftEmail } from "./member-left-email";

describe("the e-mail to an establishment's direction when a member leaves its team", () => {
  const left = {
    establishment: "EHPAD Les Tilleuls",
    name: "Paul Départ",
    email: "paul.depart@test.fr",
    teamUrl: "https://hospiconnect.test/etablissements/e1/membres",
  };

  it("names who left, what they no longer reach, and how to bring them back", () => {
    const email = memberLeftEmail({ ...left, invitationsCancelled: 0 });
    expect(email.subject).toBe("HospiConnect : Paul Départ a quitté l'équipe de « EHPAD Les Tilleuls »");
    expect(email.text).toContain(
      "Paul Départ (paul.depart@test.fr) a quitté l'équipe de « EHPAD Les Tilleuls » sur la plateforme des appels à projets HospiConnect : cette personne n'accède plus à ses dossiers ni à la liste de ses professionnels.",
    );
    expect(email.text).toContain(
      "Si elle doit revenir, invitez-la de nouveau depuis la page de l'équipe : https://hospiconnect.test/etablissements/e1/membres",
    );
    expect(email.text).not.toContain("invitation");
  });

  it("says that the invitations the person had sent, still pending, are cancelled", () => {
    expect(memberLeftEmail({ ...left, invitationsCancelled: 1 }).text).toContain(
      "L'invitation qu'elle avait envoyée et qui était en attente est annulée.",
    );
    expect(memberLeftEmail({ ...left, invitationsCancelled: 3 }).text).toContain(
      "Les 3 invitations qu'elle avait envoyées et qui étaient en attente sont annulées.",
    );
  });
});
