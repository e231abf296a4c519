import { releaseDecisions } from "@/lib/decisions/release-decisions";
import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";

/** Releases every staged decision of the wave together (a retry releases nothing twice). */
export const POST = defineRoute({
  params: { waveId: RouteParam.id },
  handler: ({ viewer, params, ip }) => releaseDecisions(viewer, { waveId: params.waveId, ip }),
});
