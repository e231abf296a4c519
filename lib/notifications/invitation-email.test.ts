import { describe, expect, it } from "vitest";
import { formatParisDateTime } from "@/lib/time/paris";
import { invitationEmail } from "./invitation-email";
import { invitationExistingAccountEmail } from "./invitation-existing-account-email";

const input = {
  role: "membre de « EHPAD Les Tilleuls »",
  link: "https://app.example/invitation/jeton",
  expiresAt: new Date("2026-03-01T17:00:00Z"),
  invitedBy: "Mamert Paul",
  proSanteConnect: false,
};

describe("invitation e-mails", () => {
  it("gives a new person the link to activate their account, with its deadline in Paris time", () => {
    const { subject, text } = invitationEmail(input);
    expect(subject).toBe("Votre invitation à HospiConnect");
    expect(text).toContain(
      "Mamert Paul vous invite à rejoindre la plateforme des appels à projets HospiConnect en tant que membre de « EHPAD Les Tilleuls ».",
    );
    expect(text).toContain("Si vous n'attendiez pas cette invitation, ignorez ce message");
    expect(text).toContain(`Pour activer votre compte, ouvrez ce lien avant le ${formatParisDateTime(input.expiresAt)} (heure de Paris)`);
    expect(text).toContain(input.link);
  });

  it("tells a person who has an account to sign in with it, then open the link; the subject does not differ", () => {
    const { subject, text } = invitationExistingAccountEmail({ ...input, signInUrl: "https://app.example/connexion" });
    expect(subject).toBe(invitationEmail(input).subject);
    expect(text).toContain("Un compte HospiConnect existe déjà pour cette adresse : vous n'avez pas de nouveau compte à créer.");
    expect(text.indexOf("https://app.example/connexion")).toBeLessThan(text.indexOf(input.link));
    expect(text).not.toContain("Pour activer votre compte");
    // The sign-in address alone on its line, so that mail readers make it a link.
    expect(text.split("\n")).toContain("https://app.example/connexion");
    expect(text).toContain("adressez-vous à Mamert Paul.");
  });

  it("elides « en tant que » before a role starting with a vowel, and says who invited when someone did", () => {
    const { text } = invitationEmail({ ...input, role: "instructeur ou instructrice de l'ANS", invitedBy: null });
    expect(text).toContain(
      "Vous êtes invité(e) à rejoindre la plateforme des appels à projets HospiConnect en tant qu'instructeur ou instructrice de l'ANS.",
    );
  });

  it("offers an establishment member Pro Santé Connect first, then a passkey in plain words", () => {
    const { text } = invitationEmail({ ...input, proSanteConnect: true });
    expect(text).toContain(
      [
        "Ce lien ne peut servir qu'une fois. Vous y choisirez comment vous connecter, sans mot de passe :",
        "- avec votre e-CPS ou votre carte CPS (Pro Santé Connect), si vous en avez une ;",
        "- sinon avec une clé d'accès (passkey) enregistrée sur votre téléphone ou votre ordinateur, ou avec une clé de sécurité.",
      ].join("\n"),
    );
    expect(text).not.toContain("FIDO2");
  });

  it("keeps the passkey alone for whoever cannot use Pro Santé Connect (the programme's staff)", () => {
    const { text } = invitationEmail({ ...input, role: "instructeur ou instructrice de l'ANS", proSanteConnect: false });
    expect(text).toContain("Vous y enregistrerez une clé d'accès (passkey ou clé de sécurité FIDO2) : aucun mot de passe n'est utilisé.");
    expect(text).not.toContain("e-CPS");
  });
});
