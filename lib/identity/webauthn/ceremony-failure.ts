/** What the browser asked of the authenticator did not happen (cancelled, timed out, no key): trying again may work. */
export const CEREMONY_CANCELLED = "L'opération avec votre clé a été annulée ou n'a pas abouti. Réessayez.";

/**
 * The authenticator already holds one of the account's keys (the server lists them in
 * `excludeCredentials`, and the browser refuses with InvalidStateError): trying again never works.
 */
export const KEY_ALREADY_ON_ACCOUNT = "Cette clé est déjà enregistrée sur votre compte : utilisez une autre clé ou un autre appareil.";

/**
 * The French reason a key's registration failed in the browser. @simplewebauthn/browser names the
 * case ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED and keeps the browser's error name; anything else
 * reads as cancelled.
 */
export function registrationFailureMessage(error: unknown): string {
  if (
    error instanceof Error &&
    (("code" in error && error.code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED") || error.name === "InvalidStateError")
  )
    return KEY_ALREADY_ON_ACCOUNT;
  return CEREMONY_CANCELLED;
}
