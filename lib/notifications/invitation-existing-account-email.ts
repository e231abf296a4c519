import { formatParisDateTime } from "@/lib/time/paris";
import { asRole } from "@/lib/format/elision";
import { SIGNATURE } from "./signature";
import type { InvitationEmailInput } from "./invitation-email";

/**
 * The invitation of an address that already has an account. The person who invited gets the same
 * answer as for any other address (no account enumeration); the person invited learns here that
 * there is nothing to create, and how to accept with the account they have.
 */
export function invitationExistingAccountEmail({
  role,
  link,
  expiresAt,
  invitedBy,
  signInUrl,
}: Omit<InvitationEmailInput, "proSanteConnect"> & { signInUrl: string }): {
  subject: string;
  text: string;
} {
  return {
    subject: "Votre invitation à HospiConnect",
    text: [
      "Bonjour,",
      "",
      `${invitedBy ? `${invitedBy} vous invite` : "Vous êtes invité(e)"} sur la plateforme des appels à projets HospiConnect ${asRole(role)}.`,
      "",
      "Un compte HospiConnect existe déjà pour cette adresse : vous n'avez pas de nouveau compte à créer.",
      "1. Connectez-vous avec votre moyen habituel (clé d'accès ou Pro Santé Connect) :",
      signInUrl,
      `2. Puis ouvrez ce lien, avant le ${formatParisDateTime(expiresAt)} (heure de Paris), pour accepter l'invitation avec ce compte :`,
      link,
      "",
      `Si vous n'avez plus accès à votre compte (clé perdue, compte désactivé), adressez-vous à ${invitedBy ?? "la personne qui vous a invité(e)"}.`,
      "Si vous n'attendiez pas cette invitation, ignorez ce message.",
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
