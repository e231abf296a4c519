import type { PscRejection } from "./pro-sante-connect";

/**
 * Why a sign-in was refused, as the audit log stores it (`auth.sign_in_failed`, key `reason`) and
 * as the managers who read the log understand it. The stored codes are English and stay so: they
 * are the evidence, and rows already hold them. A refusal by the WebAuthn verifier itself stores the
 * verifier's own message, shown as is.
 */
export const PASSKEY_REFUSAL_LABELS = {
  "challenge unknown, used or expired": "défi inconnu, déjà utilisé ou expiré",
  "unknown credential": "clé d'accès inconnue",
  "userHandle does not match the credential's account": "clé présentée pour un autre compte",
  "signature not verified": "signature non vérifiée",
  "backup eligibility changed since registration": "possibilité de sauvegarde de la clé changée depuis son enregistrement",
  "account disabled": "compte désactivé",
  "counter changed concurrently": "compteur de la clé changé par une connexion simultanée",
} as const;

export type PasskeyRefusal = keyof typeof PASSKEY_REFUSAL_LABELS;

/** Pro Santé Connect's refusals, short (the sign-in page says them in full: `PSC_REJECTION_MESSAGES`). */
const PSC_REFUSAL_LABELS: Readonly<Record<PscRejection, string>> = {
  "no-rpps": "identifiant RPPS non transmis par Pro Santé Connect",
  "unknown-rpps": "aucun compte associé à l'identifiant RPPS",
  "weak-acr": "authentification Pro Santé Connect sans double facteur",
};

export const SIGN_IN_REFUSAL_LABELS: Readonly<Record<string, string>> = { ...PASSKEY_REFUSAL_LABELS, ...PSC_REFUSAL_LABELS };
