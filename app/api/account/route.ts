import { defineRoute } from "@/lib/http/define-route";
import { renameAccount } from "@/lib/identity/rename-account";
import { ZAccountNameInput } from "@/lib/identity/schemas";

/** Any signed-in person changes the name their account shows (audited). */
export const PATCH = defineRoute({
  input: ZAccountNameInput,
  handler: async ({ viewer, input, ip }) => {
    await renameAccount(viewer, input.displayName, ip);
  },
});
