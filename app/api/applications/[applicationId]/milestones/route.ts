import { ZRecordMilestonesInput } from "@/lib/follow-up/milestones-schema";
import { recordMilestones } from "@/lib/follow-up/record-milestones";
import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";

/** The days the milestones of a selected dossier were done, recorded by its director. */
export const PUT = defineRoute({
  params: { applicationId: RouteParam.id },
  input: ZRecordMilestonesInput,
  handler: ({ viewer, input, params, ip }) => recordMilestones(viewer, params.applicationId, { ...input, ip }),
});
