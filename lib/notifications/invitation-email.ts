import { formatParisDateTime } from "@/lib/time/paris";
import { SIGNATURE } from "./signature";

export type InvitationEmailInput = {
  /** « instructeur ou instructrice de l'ANS », « membre de « EHPAD Les Tilleuls » »… */
  role: string;
  link: string;
  expiresAt: Date;
};

/** The invitation of a person who has no account yet: the link registers their first key. */
export function invitationEmail({ role, link, expiresAt }: InvitationEmailInput): { subject: string; text: string } {
  return {
    subject: "Votre invitation à HospiConnect",
    text: [
      "Bonjour,",
      "",
      `Vous êtes invité(e) à rejoindre la plateforme des appels à projets HospiConnect en tant que ${role}.`,
      "",
      `Pour activer votre compte, ouvrez ce lien avant le ${formatParisDateTime(expiresAt)} (heure de Paris) :`,
      link,
      "",
      "Ce lien ne peut servir qu'une fois. Vous y enregistrerez une clé d'accès (passkey ou clé de sécurité FIDO2) : aucun mot de passe n'est utilisé.",
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
