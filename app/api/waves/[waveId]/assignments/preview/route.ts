import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";
import { ZAutomaticAssignmentInput } from "@/lib/review/assignment-schemas";
import { previewAutomaticAssignment } from "@/lib/review/automatic-assignment";

/** The preview of an automatic assignment (writes nothing; a POST for its body of caps). */
export const POST = defineRoute({
  params: { waveId: RouteParam.id },
  input: ZAutomaticAssignmentInput,
  handler: ({ viewer, input, params }) => previewAutomaticAssignment(viewer, params.waveId, input),
});
