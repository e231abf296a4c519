import { AppError } from "@/lib/errors/app-error";
import { definePublicRoute } from "@/lib/http/define-route";
import { ZRegistrationOptionsInput } from "@/lib/identity/schemas";
import { startKeyRegistration } from "@/lib/identity/webauthn/registration";

/** Challenge to register a key: a new account (invitation token) or one more key for the viewer. */
export const POST = definePublicRoute({
  input: ZRegistrationOptionsInput,
  handler: async ({ viewer, input, ip }) => {
    if (input.invitationToken) return startKeyRegistration({ kind: "invitation", token: input.invitationToken }, ip);
    if (!viewer) throw new AppError("UNAUTHENTICATED");
    return startKeyRegistration({ kind: "account", viewer }, ip);
  },
});
