/** What a refused passkey sign-in says (shared by the server and the sign-in button). */
export const SIGN_IN_REFUSED = "Connexion refusée : cette clé n'a pas pu être vérifiée.";

/**
 * Said only once the key's signature is verified: the caller has proved they hold the account's
 * key, so the account's status is theirs to know. No recovery link either (ADR 0034).
 */
export const ACCOUNT_DISABLED = "Votre compte a été désactivé : adressez-vous à un chargé de programme de l'ANS.";
