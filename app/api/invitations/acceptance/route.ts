import { z } from "zod";
import { defineRoute } from "@/lib/http/define-route";
import { acceptInvitationWithAccount } from "@/lib/identity/accept-invitation-with-account";

/** The signed-in account accepts an invitation sent to its address (it already had an account). */
export const POST = defineRoute({
  input: z.object({ invitationToken: z.string().min(20).max(200) }),
  handler: ({ viewer, input, ip }) => acceptInvitationWithAccount(viewer, { token: input.invitationToken, ip }),
});
