"use client";

import { startAuthentication, startRegistration } from "@simplewebauthn/browser";
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import { signIn } from "next-auth/react";
import { callApi } from "@/lib/http/api-client";
import { CEREMONY_CANCELLED, registrationFailureMessage } from "@/lib/identity/webauthn/ceremony-failure";

/** Signs in with a passkey or a FIDO2 key; resolves when the session is open, rejects with a French message. */
export async function signInWithPasskey(): Promise<void> {
  const { challengeId, options } = await callApi<{ challengeId: string; options: PublicKeyCredentialRequestOptionsJSON }>(
    "/api/webauthn/authentication/options",
    "POST",
  );
  let response;
  try {
    response = await startAuthentication({ optionsJSON: options });
  } catch {
    throw new Error(CEREMONY_CANCELLED);
  }
  const result = await signIn("passkey", { redirect: false, challengeId, response: JSON.stringify(response) });
  if (!result || result.error) throw new Error(result?.error ?? "Connexion refusée.");
}

/** Creates a key on the authenticator and registers it (through an invitation or a recovery link, or one more for the signed-in user). */
export async function registerPasskey(input: {
  invitationToken?: string;
  recoveryToken?: string;
  keyName: string;
  displayName?: string;
}): Promise<void> {
  const { challengeId, options } = await callApi<{ challengeId: string; options: PublicKeyCredentialCreationOptionsJSON }>(
    "/api/webauthn/registration/options",
    "POST",
    { invitationToken: input.invitationToken, recoveryToken: input.recoveryToken },
  );
  let response;
  try {
    response = await startRegistration({ optionsJSON: options });
  } catch (error) {
    // A key already on the account cannot be added again, however often one retries.
    throw new Error(registrationFailureMessage(error));
  }
  await callApi("/api/webauthn/registration", "POST", { ...input, challengeId, response });
}
