import { defineRoute } from "@/lib/http/define-route";
import { inviteUser } from "@/lib/identity/invitations";
import { ZInvitationInput } from "@/lib/identity/schemas";

/** Invites a reviewer or a programme manager (programme managers), or a colleague (members). */
export const POST = defineRoute({
  input: ZInvitationInput,
  handler: async ({ viewer, input, ip }) => {
    const { invitationId, superseded } = await inviteUser(viewer, input, ip);
    return { invitationId, superseded };
  },
});
