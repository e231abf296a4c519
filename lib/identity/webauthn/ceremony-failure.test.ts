import { describe, expect, it } from "vitest";
import { WebAuthnError } from "@simplewebauthn/browser";
import { CEREMONY_CANCELLED, KEY_ALREADY_ON_ACCOUNT, registrationFailureMessage } from "./ceremony-failure";

describe("what a failed key registration tells the person", () => {
  const invalidState = new DOMException("The authenticator already holds a credential", "InvalidStateError");

  it("says the key is already registered when the authenticator holds one of the account's keys: retrying cannot work", () => {
    // @simplewebauthn/browser's reading of the browser's InvalidStateError on excludeCredentials…
    const identified = new WebAuthnError({
      message: "The authenticator was previously registered",
      code: "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED",
      cause: invalidState,
    });
    expect(registrationFailureMessage(identified)).toBe(
      "Cette clé est déjà enregistrée sur votre compte : utilisez une autre clé ou un autre appareil.",
    );
    expect(KEY_ALREADY_ON_ACCOUNT).toBe(registrationFailureMessage(identified));
    // …and the browser's own error, should a version pass it through.
    expect(registrationFailureMessage(invalidState)).toBe(KEY_ALREADY_ON_ACCOUNT);
  });

  it("asks to try again when the person cancelled or the ceremony did not finish", () => {
    expect(registrationFailureMessage(new DOMException("cancelled", "NotAllowedError"))).toBe(CEREMONY_CANCELLED);
    expect(registrationFailureMessage(new Error("anything"))).toBe(CEREMONY_CANCELLED);
    expect(CEREMONY_CANCELLED).toBe("L'opération avec votre clé a été annulée ou n'a pas abouti. Réessayez.");
  });
});
