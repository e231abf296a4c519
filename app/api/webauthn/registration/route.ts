import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { AppError } from "@/lib/errors/app-error";
import { definePublicRoute } from "@/lib/http/define-route";
import { ZRegistrationInput } from "@/lib/identity/schemas";
import { finishKeyRegistration } from "@/lib/identity/webauthn/registration";

/** Verifies and stores a new key (and, through an invitation, creates the account). */
export const POST = definePublicRoute({
  input: ZRegistrationInput,
  handler: async ({ viewer, input, ip }) => {
    const owner = input.invitationToken
      ? ({ kind: "invitation", token: input.invitationToken } as const)
      : viewer
        ? ({ kind: "account", viewer } as const)
        : null;
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
