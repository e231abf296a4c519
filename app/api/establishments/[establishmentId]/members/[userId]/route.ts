import { z } from "zod";
import { changeMemberRole } from "@/lib/establishments/change-member-role";
import { removeMember } from "@/lib/establishments/remove-member";
import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";

const PARAMS = { establishmentId: RouteParam.id, userId: RouteParam.id };

/** The director or a programme manager takes a person off the establishment's team (audited, the person is told); oneself, it is leaving it (see membership/). */
export const DELETE = defineRoute({
  params: PARAMS,
  handler: async ({ viewer, params, ip }) => {
    await removeMember(viewer, { establishmentId: params.establishmentId, userId: params.userId, ip });
  },
});

const ZMemberRoleInput = z.object({ role: z.enum(["DIRECTOR", "EDITOR"]) });

/** The director or a programme manager changes a member's role, direction ↔ co-rédaction (audited, the person is told). */
export const PATCH = defineRoute({
  params: PARAMS,
  input: ZMemberRoleInput,
  handler: async ({ viewer, input, params, ip }) => {
    await changeMemberRole(viewer, { establishmentId: params.establishmentId, userId: params.userId, role: input.role, ip });
  },
});
