import { PSC_REJECTION_MESSAGES } from "./pro-sante-connect";
import { SIGN_IN_RATE_LIMITED } from "./sign-in-messages";

/** What the sign-in page says for its `erreur` parameter: ours, Pro Santé Connect's and next-auth's. */
const SIGN_IN_ERRORS: Record<string, string> = {
  ...PSC_REJECTION_MESSAGES,
  OAuthSignin: "La connexion à Pro Santé Connect n'a pas pu démarrer. Réessayez dans quelques instants.",
  OAuthCallback: "Le retour de Pro Santé Connect n'a pas pu être vérifié. Recommencez la connexion.",
  Callback: "La connexion n'a pas abouti. Recommencez.",
  AccessDenied: "Connexion refusée.",
  SessionRequired: "Connectez-vous pour accéder à cette page.",
  "trop-de-tentatives": SIGN_IN_RATE_LIMITED,
};

const UNKNOWN_ERROR = "La connexion n'a pas abouti. Recommencez.";

/**
 * The message for a code anyone can put in a link: read only among the table's own keys, never an
 * object's inherited ones (`constructor`, `__proto__`).
 */
export function signInErrorMessage(code: string | undefined): string | null {
  if (!code) return null;
  return Object.hasOwn(SIGN_IN_ERRORS, code) ? SIGN_IN_ERRORS[code]! : UNKNOWN_ERROR;
}
