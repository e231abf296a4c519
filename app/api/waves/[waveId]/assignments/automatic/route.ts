import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";
import { ZApplyAssignmentInput } from "@/lib/review/assignment-schemas";
import { applyAutomaticAssignment } from "@/lib/review/automatic-assignment";

/** Applies the previewed automatic assignment in one transaction (409 if it changed meanwhile). */
export const POST = defineRoute({
  params: { waveId: RouteParam.id },
  input: ZApplyAssignmentInput,
  handler: ({ viewer, input, params, ip }) => applyAutomaticAssignment(viewer, params.waveId, { ...input, ip }),
});
