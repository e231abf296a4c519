import { formatParisDateTime } from "@/lib/time/paris";
import { asRole } from "@/lib/format/elision";
import { invitationSignInMeans } from "@/lib/identity/invitation-sign-in-means";
import { SIGNATURE } from "./signature";

export type InvitationEmailInput = {
  /** « instructeur ou instructrice de l'ANS », « membre de « EHPAD Les Tilleuls », avec le rôle « Co-rédaction » »… */
  role: string;
  link: string;
  expiresAt: Date;
  /** Who sent it (« Claire Dumont (ANS) »), to be asked about it; null from the command line. */
  invitedBy: string | null;
  /** The link offers Pro Santé Connect (establishment members, when it is configured): the e-mail names it first. */
  proSanteConnect: boolean;
};

/** How the link lets a person sign in: the words of the link's page too. */
function signInMeans(proSanteConnect: boolean): string[] {
  const means = invitationSignInMeans(proSanteConnect);
  if (!means.proSanteConnect)
    return [`Ce lien ne peut servir qu'une fois. Vous y enregistrerez ${means.key} : aucun mot de passe n'est utilisé.`];
  return [
    "Ce lien ne peut servir qu'une fois. Vous y choisirez comment vous connecter, sans mot de passe :",
    `- ${means.proSanteConnect} ;`,
    `- sinon ${means.key}.`,
  ];
}

/** The invitation of a person who has no account yet: the link registers their first key. */
export function invitationEmail({ role, link, expiresAt, invitedBy, proSanteConnect }: InvitationEmailInput): {
  subject: string;
  text: string;
} {
  return {
    subject: "Votre invitation à HospiConnect",
    text: [
      "Bonjour,",
      "",
      `${invitedBy ? `${invitedBy} vous invite` : "Vous êtes invité(e)"} à rejoindre la plateforme des appels à projets HospiConnect ${asRole(role)}.`,
      "",
      `Pour activer votre compte, ouvrez ce lien avant le ${formatParisDateTime(expiresAt)} (heure de Paris) :`,
      link,
      "",
      ...signInMeans(proSanteConnect),
      "",
      "Si vous n'attendiez pas cette invitation, ignorez ce message : aucun compte n'est créé sans ce lien.",
      "",
      SIGNATURE,
    ].join("\n"),
  };
}
