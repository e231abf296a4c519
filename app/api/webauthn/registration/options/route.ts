import { AppError } from "@/lib/errors/app-error";
import { definePublicRoute } from "@/lib/http/define-route";
import { ZRegistrationOptionsInput } from "@/lib/identity/schemas";
import { keyOwner } from "@/lib/identity/webauthn/key-owner";
import { startKeyRegistration } from "@/lib/identity/webauthn/registration";

/** Challenge to register a key: a new account (invitation), a lost key replaced (recovery link), or one more key for the viewer. */
export const POST = definePublicRoute({
  input: ZRegistrationOptionsInput,
  handler: async ({ viewer, input, ip }) => {
    const owner = keyOwner(input, viewer);
    if (!owner) throw new AppError("UNAUTHENTICATED");
    return startKeyRegistration(owner, ip);
  },
});
