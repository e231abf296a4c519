import { defineRoute } from "@/lib/http/define-route";
import { ZUserUpdateInput } from "@/lib/identity/schemas";
import { updateStaffMember } from "@/lib/identity/users";

/** Role change or (de)activation of an ANS staff account, by a programme manager. */
export const PATCH = defineRoute<typeof ZUserUpdateInput, { userId: string }>({
  input: ZUserUpdateInput,
  handler: async ({ viewer, input, params, ip }) => {
    await updateStaffMember(viewer, params.userId, input, ip);
  },
});
