/** What a refused passkey sign-in says (shared by the server and the sign-in button). */
export const SIGN_IN_REFUSED = "Connexion refusée : cette clé n'a pas pu être vérifiée.";

/**
 * Said only once the key's signature is verified: the caller has proved they hold the account's
 * key, so the account's status is theirs to know. No recovery link either (ADR 0034).
 */
export const ACCOUNT_DISABLED = "Votre compte a été désactivé : adressez-vous à un chargé de programme de l'ANS.";

/**
 * Said by the sign-in page (`/connexion?erreur=trop-de-tentatives`) to a person sent back from Pro
 * Santé Connect past the address's sign-in limit: a navigation, with no script to show the 429's
 * own message.
 */
export const SIGN_IN_RATE_LIMITED = "Trop de tentatives de connexion. Réessayez dans quelques minutes.";

/**
 * Why a session the person ended themself is over, said by the sign-in page they land on
 * (`/connexion?fin=…`): without it, they would find themself there with no explanation.
 */
const SESSION_END_NOTICES = {
  "cle-supprimee":
    "Vous avez supprimé la clé d'accès qui avait ouvert cette session : elle est fermée. Connectez-vous avec une autre de vos clés.",
} as const;

/** The sign-in page's notice for its `fin` parameter, or null. */
export function sessionEndNotice(reason: string | undefined): string | null {
  return reason !== undefined && Object.hasOwn(SESSION_END_NOTICES, reason)
    ? SESSION_END_NOTICES[reason as keyof typeof SESSION_END_NOTICES]
    : null;
}

/** Where the person goes once their session has ended for that reason. */
export const signInPathAfter = (reason: keyof typeof SESSION_END_NOTICES) => `/connexion?fin=${reason}`;
