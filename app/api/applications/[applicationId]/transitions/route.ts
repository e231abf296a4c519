import { z } from "zod";
import { transitionApplication, ZTransitionInput } from "@/lib/applications/transition-application";
import { defineRoute } from "@/lib/http/define-route";

const ZTransitionRequest = z.intersection(z.object({ expectedVersion: z.number().int().min(1) }), ZTransitionInput);

/** Withdraw, answer a request, or the programme's transitions (review, request, decide). */
export const POST = defineRoute<typeof ZTransitionRequest, { applicationId: string }>({
  input: ZTransitionRequest,
  handler: async ({ viewer, input, params, ip }) => transitionApplication(viewer, { ...input, applicationId: params.applicationId, ip }),
});
