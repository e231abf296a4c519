import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";
import { assignReviewer } from "@/lib/review/assign-reviewer";
import { ZManualAssignmentInput } from "@/lib/review/assignment-schemas";

/** A programme manager assigns one reviewer to one dossier (a flagged pair needs a written reason). */
export const POST = defineRoute({
  params: { waveId: RouteParam.id },
  input: ZManualAssignmentInput,
  handler: ({ viewer, input, params, ip }) => assignReviewer(viewer, params.waveId, { ...input, ip }),
});
