import { definePublicRoute } from "@/lib/http/define-route";
import { startPasskeySignIn } from "@/lib/identity/webauthn/authentication";

/** Challenge for a passkey sign-in (rate-limited per address). */
export const POST = definePublicRoute({
  handler: async ({ ip }) => startPasskeySignIn(ip),
});
