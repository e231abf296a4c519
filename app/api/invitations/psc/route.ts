import { cookies } from "next/headers";
import { z } from "zod";
import { env } from "@/lib/config/env";
import { definePublicRoute } from "@/lib/http/define-route";
import { INVITATION_COOKIE, INVITATION_COOKIE_MAX_AGE_SECONDS } from "@/lib/identity/invitation-cookie";
import { requireInvitationForNewAccount } from "@/lib/identity/invitations";
import { consumeLinkAttempt } from "@/lib/identity/rate-limits";

/**
 * Before a member accepts an invitation with Pro Santé Connect: remembers the invitation in a
 * short-lived cookie for the round trip (the browser then starts the PSC sign-in).
 */
export const POST = definePublicRoute({
  input: z.object({ invitationToken: z.string().min(20) }),
  handler: async ({ input, ip }) => {
    await consumeLinkAttempt(input.invitationToken, ip);
    const invitation = await requireInvitationForNewAccount(input.invitationToken);
    (await cookies()).set(INVITATION_COOKIE, input.invitationToken, {
      httpOnly: true,
      sameSite: "lax",
      secure: env.APP_URL.startsWith("https://"),
      path: "/",
      maxAge: INVITATION_COOKIE_MAX_AGE_SECONDS,
    });
    return { purpose: invitation.purpose };
  },
});
