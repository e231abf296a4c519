import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { AppError } from "@/lib/errors/app-error";
import { definePublicRoute } from "@/lib/http/define-route";
import { ZRegistrationInput } from "@/lib/identity/schemas";
import { keyOwner } from "@/lib/identity/webauthn/key-owner";
import { finishKeyRegistration } from "@/lib/identity/webauthn/registration";

/** Verifies and stores a new key (through an invitation, creates the account; through a recovery link, replaces its keys). */
export const POST = definePublicRoute({
  input: ZRegistrationInput,
  handler: async ({ viewer, input, ip }) => {
    const owner = keyOwner(input, viewer);
    if (!owner) throw new AppError("UNAUTHENTICATED");
    const { credentialId } = await finishKeyRegistration({
      owner,
      challengeId: input.challengeId,
      response: input.response as unknown as RegistrationResponseJSON,
      keyName: input.keyName,
      displayName: input.displayName,
      ip,
    });
    return { credentialId };
  },
});
