import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";
import { ZUserUpdateInput } from "@/lib/identity/schemas";
import { updateStaffMember } from "@/lib/identity/users";

/** Role change or (de)activation of an ANS staff account, by a programme manager. */
export const PATCH = defineRoute({
  params: { userId: RouteParam.id },
  input: ZUserUpdateInput,
  handler: async ({ viewer, input, params, ip }) => {
    await updateStaffMember(viewer, params.userId, input, ip);
  },
});
