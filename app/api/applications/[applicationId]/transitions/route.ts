import { z } from "zod";
import { transitionApplication, ZTransitionInput } from "@/lib/applications/transition-application";
import { defineRoute } from "@/lib/http/define-route";
import { RouteParam } from "@/lib/http/route-params";

const ZTransitionRequest = z.intersection(z.object({ expectedVersion: z.number().int().min(1) }), ZTransitionInput);

/** Withdraw, answer a request, or the programme's transitions (review, request, decide). */
export const POST = defineRoute({
  params: { applicationId: RouteParam.id },
  input: ZTransitionRequest,
  handler: async ({ viewer, input, params, ip }) => transitionApplication(viewer, { ...input, applicationId: params.applicationId, ip }),
});
