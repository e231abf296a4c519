/**
 * How an invitation's link lets a person sign in, in words a director without IT staff
 * understands: the e-mail (lib/notifications/invitation-email.ts) and the link's page
 * (app/(public)/invitation/[token]) say it with these same words. Pro Santé Connect is offered to
 * establishment members when it is configured; the programme's staff cannot use it.
 */
export type InvitationSignInMeans = {
  /** Offered first, when the link offers it. */
  proSanteConnect: string | null;
  /** The key the link registers (« Enregistrer une clé d'accès »). */
  key: string;
};

export function invitationSignInMeans(proSanteConnect: boolean): InvitationSignInMeans {
  if (!proSanteConnect) return { proSanteConnect: null, key: "une clé d'accès (passkey ou clé de sécurité FIDO2)" };
  return {
    proSanteConnect: "avec votre e-CPS ou votre carte CPS (Pro Santé Connect), si vous en avez une",
    key: "avec une clé d'accès (passkey) enregistrée sur votre téléphone ou votre ordinateur, ou avec une clé de sécurité",
  };
}
